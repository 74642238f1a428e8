# null-to-empty: the template after the update

resource "coder_metadata" "m" {
  resource_id = "r"
  item {
    key   = "a"
    value = ""
  }
}
