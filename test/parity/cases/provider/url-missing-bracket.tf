# url Go url.Parse rejects: missing "]" (TestValidateURL "malformed URL")
#@ phase: validate
#@ expect: error

provider "coder" {
  url = "http://[::1:80"
}

data "coder_workspace" "me" {}
