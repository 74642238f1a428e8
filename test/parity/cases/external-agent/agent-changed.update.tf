# agent-changed: the template after the update

resource "coder_external_agent" "x" {
  agent_id = "b"
}
