# two items swapped: per-index paths
#@ phase: update
#@ expect: ok

resource "coder_metadata" "m" {
  resource_id = "r"
  item {
    key = "a"
    value = "1"
  }
  item {
    key = "b"
  }
}
