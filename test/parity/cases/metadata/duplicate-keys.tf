# two items with one key (TestMetadataDuplicateKeys)
#@ phase: plan
#@ expect: error

resource "coder_metadata" "m" {
  resource_id = "r"
  item {
    key   = "foo"
    value = "bar"
  }
  item {
    key   = "foo"
    value = "baz"
  }
}
