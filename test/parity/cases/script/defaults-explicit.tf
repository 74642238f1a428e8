# run_on_stop and start_blocks_login given their defaults: no change
#@ phase: update
#@ expect: ok

resource "coder_script" "s" {
  agent_id     = "a"
  display_name = "s"
  script       = "s"
  run_on_start = true
}
