# an item value from null to "": no change
#@ phase: update
#@ expect: ok

resource "coder_metadata" "m" {
  resource_id = "r"
  hide        = false
  item {
    key = "a"
  }
}
