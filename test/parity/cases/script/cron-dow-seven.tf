# cron '0 0 9 * * 7': day of week 7 is above the maximum
#@ phase: validate
#@ expect: error

resource "coder_script" "s" {
  agent_id     = "agent"
  display_name = "Script"
  script       = "echo hi"
  cron         = "0 0 9 * * 7"
}
