# url with subdomain and share do not conflict
#@ phase: apply
#@ expect: ok

resource "coder_app" "a" {
  agent_id = "agent"
  slug     = "a"
  url       = "http://localhost:8080"
  subdomain = true
  share     = "public"
}
