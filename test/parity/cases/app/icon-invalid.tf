# icon that Go url.Parse rejects (TestApp/Icon/InvalidURL)
#@ phase: validate
#@ expect: error

resource "coder_app" "a" {
  agent_id = "agent"
  slug     = "a"
  icon = "/icon%.svg"
}
