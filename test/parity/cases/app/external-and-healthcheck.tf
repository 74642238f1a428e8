# external and a healthcheck block (TestApp/ConflictsWith/ExternalAndHealthcheck)
#@ phase: validate
#@ expect: error

resource "coder_app" "a" {
  agent_id = "agent"
  slug     = "a"
  url      = "https://example.com"
  external = true
  healthcheck {
    url       = "http://localhost:13337/healthz"
    interval  = 5
    threshold = 6
  }
}
