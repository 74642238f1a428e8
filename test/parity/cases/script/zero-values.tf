# explicit zero values and empty strings
#@ phase: apply
#@ expect: ok

resource "coder_script" "s" {
  agent_id     = "agent"
  display_name = "Script"
  script       = "echo hi"
  run_on_start = true
  icon     = ""
  log_path = ""
  timeout  = 1
  run_on_stop = false
  start_blocks_login = false
}
