# http without a port: access_port 80; path kept in access_url
#@ phase: apply
#@ expect: ok
#@ env: build

provider "coder" {
  url = "http://coder.internal/prefix"
}

data "coder_workspace" "me" {}

resource "coder_agent" "dev" {
  os   = "linux"
  arch = "amd64"
}
