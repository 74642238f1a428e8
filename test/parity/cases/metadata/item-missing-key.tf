# an item without key
#@ phase: validate
#@ expect: error

resource "coder_metadata" "m" {
  resource_id = "r"
  item {
    value = "v"
  }
}
