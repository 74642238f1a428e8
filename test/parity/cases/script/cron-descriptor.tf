# cron '@fortnightly': an unknown descriptor
#@ phase: validate
#@ expect: error

resource "coder_script" "s" {
  agent_id     = "agent"
  display_name = "Script"
  script       = "echo hi"
  cron         = "@fortnightly"
}
