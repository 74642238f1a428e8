# os and arch are required
#@ phase: validate
#@ expect: error

resource "coder_agent" "a" {
}
