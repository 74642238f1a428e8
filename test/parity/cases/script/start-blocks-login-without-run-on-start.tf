# start_blocks_login without run_on_start (TestScriptStartBlocksLoginRequiresRunOnStart)
#@ phase: apply
#@ expect: error

resource "coder_script" "s" {
  agent_id     = "agent"
  display_name = "Script"
  script       = "echo hi"
  run_on_stop        = true
  start_blocks_login = true
}
