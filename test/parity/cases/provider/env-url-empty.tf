# an empty CODER_AGENT_URL falls back to https://mydeployment.coder.com
#@ phase: apply
#@ expect: ok
#@ env: build
#@ set CODER_AGENT_URL = ""

data "coder_workspace" "me" {}

resource "coder_agent" "dev" {
  os   = "linux"
  arch = "amd64"
}
