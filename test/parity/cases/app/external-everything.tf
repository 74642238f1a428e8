# external with every attribute it conflicts with
#@ phase: validate
#@ expect: error

resource "coder_app" "a" {
  agent_id = "agent"
  slug     = "a"
  external  = true
  command   = "ls"
  subdomain = true
  share     = "public"
  healthcheck {
    url       = "http://localhost/healthz"
    interval  = 1
    threshold = 1
  }
}
