# auth outside the allowed list
#@ phase: validate
#@ expect: error

resource "coder_agent" "a" {
  os   = "linux"
  arch = "amd64"
  auth = "password"
}
