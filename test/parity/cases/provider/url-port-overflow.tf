# a port too big for an int: coder_workspace cannot parse it
#@ phase: plan
#@ expect: error

provider "coder" {
  url = "http://example.com:99999999999999999999"
}

data "coder_workspace" "me" {}
