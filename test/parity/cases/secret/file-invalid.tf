# file that starts with neither / nor ~/
#@ phase: validate
#@ expect: error

data "coder_secret" "bad" {
  file         = "relative/path"
  help_message = ""
}
