# no run_on_start, run_on_stop or cron (TestScriptNeverRuns)
#@ phase: apply
#@ expect: error

resource "coder_script" "s" {
  agent_id     = "agent"
  display_name = "Script"
  script       = "echo hi"
}
