# an empty provider block
#@ phase: apply
#@ expect: ok

provider "coder" {}

data "coder_workspace" "me" {}

resource "coder_agent" "dev" {
  os   = "linux"
  arch = "amd64"
}
