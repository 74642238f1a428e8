# an item added: the list and the new item's non-empty attributes are replacement paths
#@ phase: update
#@ expect: ok

resource "coder_metadata" "m" {
  resource_id = "r"
  item {
    key = "a"
    value = "1"
  }
}
