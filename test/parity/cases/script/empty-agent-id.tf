# start_blocks_login with run_on_start and an empty agent_id (TestScriptStartBlocksLoginRequiresRunOnStart part 2)
#@ phase: apply
#@ expect: ok

resource "coder_script" "s" {
  agent_id           = ""
  display_name       = "Hey"
  script             = "Wow"
  start_blocks_login = true
  run_on_start       = true
}
