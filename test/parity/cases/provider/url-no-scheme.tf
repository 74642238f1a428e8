# url without a scheme
#@ phase: apply
#@ expect: ok
#@ env: build

provider "coder" {
  url = "mydeployment"
}

data "coder_workspace" "me" {}

resource "coder_agent" "dev" {
  os   = "linux"
  arch = "amd64"
}
