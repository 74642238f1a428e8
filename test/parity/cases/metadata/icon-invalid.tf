# icon that Go url.Parse rejects
#@ phase: validate
#@ expect: error

resource "coder_metadata" "m" {
  resource_id = "r"
  icon        = "/icon%.svg"
}
