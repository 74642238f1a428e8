# resource_id is required
#@ phase: validate
#@ expect: error

resource "coder_metadata" "m" {
}
