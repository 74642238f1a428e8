# agent_id changed: a replacement
#@ phase: update
#@ expect: ok

resource "coder_external_agent" "x" {
  agent_id = "a"
}
