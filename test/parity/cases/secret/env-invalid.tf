# env that is not a POSIX identifier
#@ phase: validate
#@ expect: error

data "coder_secret" "bad" {
  env          = "bad-name"
  help_message = ""
}
