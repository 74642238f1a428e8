# url with a space in the host (TestValidateURL "invalid URL with spaces")
#@ phase: validate
#@ expect: error

provider "coder" {
  url = "http://example .com"
}

data "coder_workspace" "me" {}
