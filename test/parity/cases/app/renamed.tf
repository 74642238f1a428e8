# a slug change: a replacement
#@ phase: update
#@ expect: ok

resource "coder_app" "a" {
  agent_id = "agent"
  slug     = "a"
}
