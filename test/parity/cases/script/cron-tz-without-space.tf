# a "TZ=<zone>" spec with nothing after the zone
#@ phase: validate
#@ expect: error
#@ solo

resource "coder_script" "s" {
  agent_id     = "agent"
  display_name = "Script"
  script       = "echo hi"
  cron         = "TZ=UTC"
}
