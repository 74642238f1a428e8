# an env secret present in a start build: value set and sensitive, id env:<name>
#@ phase: apply
#@ expect: ok
#@ env: build
#@ set CODER_SECRET_ENV_GITHUB_TOKEN = "ghp_exampleToken"

data "coder_secret" "gh" {
  env          = "GITHUB_TOKEN"
  help_message = "Add a GitHub token in your account settings"
}
