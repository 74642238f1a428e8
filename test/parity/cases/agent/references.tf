# values that are unknown until apply: another agent's id in env and scripts
#@ phase: apply
#@ expect: ok

resource "coder_agent" "first" {
  os   = "linux"
  arch = "amd64"
}
resource "coder_agent" "second" {
  os   = "linux"
  arch = "amd64"
  env            = { FIRST_ID = coder_agent.first.id }
  startup_script = "echo ${coder_agent.first.id}"
}
