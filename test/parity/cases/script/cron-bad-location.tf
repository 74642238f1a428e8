# cron 'TZ=Bad/Zone 0 0 9 * * *': a TZ= prefix naming no zone
#@ phase: validate
#@ expect: error

resource "coder_script" "s" {
  agent_id     = "agent"
  display_name = "Script"
  script       = "echo hi"
  cron         = "TZ=Bad/Zone 0 0 9 * * *"
}
