# url with a port that is not a number
#@ phase: validate
#@ expect: error

provider "coder" {
  url = "http://example.com:abc"
}

data "coder_workspace" "me" {}
