# instance_id changed: a replacement
#@ phase: update
#@ expect: ok

resource "coder_agent_instance" "i" {
  agent_id    = "a"
  instance_id = "one"
}
