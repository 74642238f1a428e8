# a build id but no transition: the transition is not defaulted to start here
#@ phase: apply
#@ expect: ok
#@ set CODER_WORKSPACE_BUILD_ID = "7a1c2e3d-5b6a-4c8d-9e0f-1a2b3c4d5e6f"

data "coder_secret" "gh" {
  env          = "GITHUB_TOKEN"
  help_message = "Add a GitHub token in your account settings"
}
