# run_on_start and run_on_stop given as false, no cron
#@ phase: apply
#@ expect: error

resource "coder_script" "s" {
  agent_id     = "agent"
  display_name = "Script"
  script       = "echo hi"
  run_on_start = false
  run_on_stop  = false
}
