# an empty slug: the Go provider reports no error for it
#@ phase: apply
#@ expect: ok

resource "coder_app" "a" {
  agent_id = "agent"
  slug     = "a"
}
