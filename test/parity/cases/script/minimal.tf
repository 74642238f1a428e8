# run_on_start only: defaults for timeout, start_blocks_login, run_on_stop
#@ phase: apply
#@ expect: ok

resource "coder_script" "s" {
  agent_id     = "agent"
  display_name = "Script"
  script       = "echo hi"
  run_on_start = true
}
