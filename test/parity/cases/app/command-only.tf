# a command app
#@ phase: apply
#@ expect: ok

resource "coder_app" "a" {
  agent_id = "agent"
  slug     = "a"
  command = "htop"
  display_name = "htop"
}
