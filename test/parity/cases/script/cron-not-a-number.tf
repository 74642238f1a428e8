# cron 'x * * * * *': a field that is not a number
#@ phase: validate
#@ expect: error

resource "coder_script" "s" {
  agent_id     = "agent"
  display_name = "Script"
  script       = "echo hi"
  cron         = "x * * * * *"
}
