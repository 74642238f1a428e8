# an explicit subdomain = false still conflicts with command
#@ phase: validate
#@ expect: error

resource "coder_app" "a" {
  agent_id = "agent"
  slug     = "a"
  command   = "ls"
  subdomain = false
}
