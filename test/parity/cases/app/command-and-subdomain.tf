# command and subdomain = true (TestApp/ConflictsWith/CommandAndSubdomain)
#@ phase: validate
#@ expect: error

resource "coder_app" "a" {
  agent_id = "agent"
  slug     = "a"
  command   = "ls"
  subdomain = true
}
