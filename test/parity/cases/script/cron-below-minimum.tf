# cron '0 0 0 0 * *': day of month 0 is below the minimum
#@ phase: validate
#@ expect: error

resource "coder_script" "s" {
  agent_id     = "agent"
  display_name = "Script"
  script       = "echo hi"
  cron         = "0 0 0 0 * *"
}
