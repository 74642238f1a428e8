# a healthcheck interval change: a replacement with the set path
#@ phase: update
#@ expect: ok

resource "coder_app" "a" {
  agent_id = "agent"
  slug     = "a"
  url = "http://localhost"
  healthcheck {
    url       = "http://localhost/healthz"
    interval  = 5
    threshold = 6
  }
}
