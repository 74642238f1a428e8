# the provider has no host argument
#@ phase: validate
#@ expect: error

provider "coder" {
  host = "example.com"
}

data "coder_workspace" "me" {}
