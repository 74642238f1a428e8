# is_null is computed only
#@ phase: validate
#@ expect: error

resource "coder_metadata" "m" {
  resource_id = "r"
  item {
    key     = "a"
    is_null = true
  }
}
