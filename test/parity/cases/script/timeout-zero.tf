# an explicit timeout = 0 (the default 0 is never validated)
#@ phase: validate
#@ expect: error

resource "coder_script" "s" {
  agent_id     = "agent"
  display_name = "Script"
  script       = "echo hi"
  run_on_start = true
  timeout      = 0
}
