# a missing secret outside a build (no CODER_WORKSPACE_BUILD_ID): value ""
#@ phase: apply
#@ expect: ok

data "coder_secret" "gh" {
  env          = "GITHUB_TOKEN"
  help_message = "Add a GitHub token in your account settings"
}

data "coder_secret" "aws" {
  file         = "~/.aws/credentials"
  help_message = ""
}
