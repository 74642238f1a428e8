# a missing secret in a stop build: value ""
#@ phase: apply
#@ expect: ok
#@ env: build
#@ set CODER_WORKSPACE_TRANSITION = "stop"

data "coder_secret" "gh" {
  env          = "GITHUB_TOKEN"
  help_message = "Add a GitHub token in your account settings"
}
