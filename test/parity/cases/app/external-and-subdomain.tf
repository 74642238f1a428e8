# external and subdomain (TestApp/ConflictsWith/ExternalAndSubdomain)
#@ phase: validate
#@ expect: error

resource "coder_app" "a" {
  agent_id = "agent"
  slug     = "a"
  url       = "https://example.com"
  external  = true
  subdomain = true
}
