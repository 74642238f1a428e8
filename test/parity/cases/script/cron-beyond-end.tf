# cron '0 5-3 * * * *': a range that ends before it starts
#@ phase: validate
#@ expect: error

resource "coder_script" "s" {
  agent_id     = "agent"
  display_name = "Script"
  script       = "echo hi"
  cron         = "0 5-3 * * * *"
}
