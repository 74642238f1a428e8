# run_on_start removed on update: the replacement fails at apply and leaves a tainted object
#@ phase: update
#@ expect: error
#@ solo

resource "coder_script" "s" {
  agent_id     = "a"
  display_name = "s"
  script       = "s"
  run_on_start = true
}
