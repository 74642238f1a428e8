# agent_id and slug only: share, open_in, hidden and external defaults; subdomain stays null
#@ phase: apply
#@ expect: ok

resource "coder_app" "a" {
  agent_id = "agent"
  slug     = "a"
}
