# connection_timeout below 0
#@ phase: validate
#@ expect: error

resource "coder_agent" "a" {
  os   = "linux"
  arch = "amd64"
  connection_timeout = -1
}
