# an IPv6 host with a port
#@ phase: apply
#@ expect: ok

provider "coder" {
  url = "https://[::1]:3000"
}

data "coder_workspace" "me" {}
