# run_on_stop only
#@ phase: apply
#@ expect: ok

resource "coder_script" "s" {
  agent_id     = "agent"
  display_name = "Script"
  script       = "echo hi"
  run_on_stop = true
}
