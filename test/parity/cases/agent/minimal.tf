# only os and arch: every default, display_apps filled in by create, no init script without CODER_AGENT_SCRIPT_*
#@ phase: apply
#@ expect: ok

resource "coder_agent" "a" {
  os   = "linux"
  arch = "amd64"
}
