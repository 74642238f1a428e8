# an item value changed: a replacement down to the item attribute
#@ phase: update
#@ expect: ok

resource "coder_metadata" "m" {
  resource_id = "r"
  item {
    key   = "a"
    value = "1"
  }
}
