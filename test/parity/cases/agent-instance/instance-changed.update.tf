# instance-changed: the template after the update

resource "coder_agent_instance" "i" {
  agent_id    = "a"
  instance_id = "two"
}
