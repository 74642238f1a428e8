# cron '0 0 0 1 foo *': an unknown month name
#@ phase: validate
#@ expect: error

resource "coder_script" "s" {
  agent_id     = "agent"
  display_name = "Script"
  script       = "echo hi"
  cron         = "0 0 0 1 foo *"
}
