# healthcheck-changed: the template after the update

resource "coder_app" "a" {
  agent_id = "agent"
  slug     = "a"
  url = "http://localhost"
  healthcheck {
    url       = "http://localhost/healthz"
    interval  = 10
    threshold = 6
  }
}
