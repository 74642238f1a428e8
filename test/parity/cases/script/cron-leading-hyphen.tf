# cron '-1 * * * * *': a leading hyphen is a range with an empty start
#@ phase: validate
#@ expect: error

resource "coder_script" "s" {
  agent_id     = "agent"
  display_name = "Script"
  script       = "echo hi"
  cron         = "-1 * * * * *"
}
