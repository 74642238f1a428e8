# both startup_script_behavior values (TestAgent_StartupScriptBehavior)
#@ phase: apply
#@ expect: ok

resource "coder_agent" "blocking" {
  os   = "linux"
  arch = "amd64"
  startup_script_behavior = "blocking"
}
resource "coder_agent" "non_blocking" {
  os   = "linux"
  arch = "amd64"
  startup_script_behavior = "non-blocking"
}
