# CODER_AGENT_URL is the url default
#@ phase: apply
#@ expect: ok
#@ env: build
#@ set CODER_AGENT_URL = "http://env.example.test:7080/base/"

data "coder_workspace" "me" {}

resource "coder_agent" "dev" {
  os   = "linux"
  arch = "amd64"
}
