# help_message is required
#@ phase: validate
#@ expect: error

data "coder_secret" "x" {
  env = "A"
}
