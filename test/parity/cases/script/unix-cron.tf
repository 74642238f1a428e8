# a 5-field Unix spec is accepted with a warning (TestScript)
#@ phase: apply
#@ expect: ok

resource "coder_script" "s" {
  agent_id     = "some id"
  display_name = "Hey"
  script       = "Wow"
  cron         = "* * * * *"
}
