# a configured implicit id is rejected by the SDK
#@ phase: validate
#@ expect: error

resource "coder_agent_instance" "i" {
  id          = "mine"
  agent_id    = "a"
  instance_id = "i-123"
}
