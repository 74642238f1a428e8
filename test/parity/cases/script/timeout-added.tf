# a timeout added: a replacement
#@ phase: update
#@ expect: ok

resource "coder_script" "s" {
  agent_id     = "a"
  display_name = "s"
  script       = "s"
  run_on_start = true
}
