# url = "" parses, but configuring the provider fails
#@ phase: plan
#@ expect: error

provider "coder" {
  url = ""
}

data "coder_workspace" "me" {}
