# cron 'invalid': a one-field cron spec
#@ phase: validate
#@ expect: error

resource "coder_script" "s" {
  agent_id     = "agent"
  display_name = "Script"
  script       = "echo hi"
  cron         = "invalid"
}
