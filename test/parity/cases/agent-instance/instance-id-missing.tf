# instance_id is required
#@ phase: validate
#@ expect: error

resource "coder_agent_instance" "i" {
  agent_id = "a"
}
