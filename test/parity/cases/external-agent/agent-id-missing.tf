# agent_id is required
#@ phase: validate
#@ expect: error

resource "coder_external_agent" "x" {
}
