# all-items-removed: the template after the update

resource "coder_metadata" "m" {
  resource_id = "r"
}
