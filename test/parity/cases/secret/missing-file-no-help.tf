# a missing file secret with an empty help message, and a present-but-empty env secret, in a start build
#@ phase: plan
#@ expect: error
#@ env: build
#@ set CODER_SECRET_ENV_GITHUB_TOKEN = ""

data "coder_secret" "aws" {
  file         = "~/.aws/credentials"
  help_message = ""
}

data "coder_secret" "gh" {
  env          = "GITHUB_TOKEN"
  help_message = "Add a GitHub token in your account settings"
}
