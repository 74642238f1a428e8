# an empty CODER_AGENT_SCRIPT_* counts as unset
#@ phase: apply
#@ expect: ok
#@ set CODER_AGENT_SCRIPT_darwin_arm64 = ""

resource "coder_agent" "a" {
  os   = "darwin"
  arch = "arm64"
}
