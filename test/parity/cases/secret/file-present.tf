# a file secret matched by CODER_SECRET_FILE_<hex(path)>; the path is not normalised
#@ phase: apply
#@ expect: ok
#@ set CODER_SECRET_FILE_7e2f2e6177732f63726564656e7469616c73 = "[default]\naws_secret_access_key = example"

data "coder_secret" "aws" {
  file         = "~/.aws/credentials"
  help_message = ""
}

data "coder_secret" "abs" {
  file         = "/home/coder/.aws/credentials"
  help_message = "x"
}
