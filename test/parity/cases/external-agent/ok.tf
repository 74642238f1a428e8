# agent_id is the agent's id (TestExternalAgent/OK)
#@ phase: apply
#@ expect: ok

resource "coder_agent" "dev" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_external_agent" "x" {
  agent_id = coder_agent.dev.id
}

resource "coder_external_agent" "literal" {
  agent_id = "literal"
}
