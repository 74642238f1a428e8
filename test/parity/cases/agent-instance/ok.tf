# agent_id and instance_id (TestAgent_Instance)
#@ phase: apply
#@ expect: ok

resource "coder_agent" "dev" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_agent_instance" "i" {
  agent_id    = coder_agent.dev.id
  instance_id = "hello"
}
