# a missing env secret fails a start build; the help message is in the detail
#@ phase: plan
#@ expect: error
#@ env: build

data "coder_secret" "gh" {
  env          = "GITHUB_TOKEN"
  help_message = "Add a GitHub token in your account settings"
}
