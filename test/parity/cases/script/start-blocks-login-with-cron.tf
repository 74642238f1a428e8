# start_blocks_login with only a cron schedule
#@ phase: apply
#@ expect: error

resource "coder_script" "s" {
  agent_id     = "agent"
  display_name = "Script"
  script       = "echo hi"
  start_blocks_login = true
  cron         = "0 0 * * * *"
}
