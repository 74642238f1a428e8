# defaults-explicit: the template after the update

resource "coder_script" "s" {
  agent_id     = "a"
  display_name = "s"
  script       = "s"
  run_on_start = true
  run_on_stop        = false
  start_blocks_login = false
}
