# cron '*/-1 * * * * *': a negative step (a leading '-' reads as a range with an empty start)
#@ phase: validate
#@ expect: error

resource "coder_script" "s" {
  agent_id     = "agent"
  display_name = "Script"
  script       = "echo hi"
  cron         = "*/-1 * * * * *"
}
