# an empty prebuild token variable counts as unset: a random token
#@ phase: apply
#@ expect: ok
#@ set CODER_RUNNING_WORKSPACE_AGENT_TOKEN_e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855 = ""

resource "coder_agent" "a" {
  os   = "linux"
  arch = "amd64"
}
