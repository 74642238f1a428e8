# two healthcheck blocks
#@ phase: validate
#@ expect: error

resource "coder_app" "a" {
  agent_id = "agent"
  slug     = "a"
  url = "http://localhost"
  healthcheck {
    url       = "http://localhost/a"
    interval  = 5
    threshold = 6
  }
  healthcheck {
    url       = "http://localhost/b"
    interval  = 5
    threshold = 6
  }
}
