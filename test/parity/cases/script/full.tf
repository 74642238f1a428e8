# every attribute
#@ phase: apply
#@ expect: ok

resource "coder_script" "s" {
  agent_id     = "agent"
  display_name = "Script"
  script       = "echo hi"
  run_on_start = true
  icon               = "/icon/terminal.svg"
  log_path           = "everything.log"
  cron               = "0 */5 * * * *"
  run_on_stop        = true
  start_blocks_login = true
  timeout            = 60
}
