# a healthcheck with zero interval and threshold
#@ phase: apply
#@ expect: ok

resource "coder_app" "a" {
  agent_id = "agent"
  slug     = "a"
  url = "http://localhost:1"
  healthcheck {
    url       = ""
    interval  = 0
    threshold = 0
  }
}
