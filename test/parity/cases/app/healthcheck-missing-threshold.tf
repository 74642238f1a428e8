# a healthcheck block without threshold
#@ phase: validate
#@ expect: error

resource "coder_app" "a" {
  agent_id = "agent"
  slug     = "a"
  url = "http://localhost"
  healthcheck {
    url      = "http://localhost/healthz"
    interval = 5
  }
}
