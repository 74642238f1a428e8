# an opaque url (mailto:)
#@ phase: apply
#@ expect: ok
#@ env: build

provider "coder" {
  url = "mailto:admin@example.com"
}

data "coder_workspace" "me" {}

resource "coder_agent" "dev" {
  os   = "linux"
  arch = "amd64"
}
