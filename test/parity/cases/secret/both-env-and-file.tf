# env and file both set
#@ phase: plan
#@ expect: error

data "coder_secret" "both" {
  env          = "A"
  file         = "/a"
  help_message = ""
}
