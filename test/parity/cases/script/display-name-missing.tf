# display_name and script are required
#@ phase: validate
#@ expect: error

resource "coder_script" "s" {
  agent_id = "agent"
}
