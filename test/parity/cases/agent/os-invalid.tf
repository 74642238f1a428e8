# os outside the allowed list
#@ phase: validate
#@ expect: error

resource "coder_agent" "a" {
  os   = "plan9"
  arch = "amd64"
}
