# external and share (TestApp/ConflictsWith/ExternalAndShare)
#@ phase: validate
#@ expect: error

resource "coder_app" "a" {
  agent_id = "agent"
  slug     = "a"
  url      = "https://example.com"
  external = true
  share    = "owner"
}
