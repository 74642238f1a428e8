# env given a string
#@ phase: validate
#@ expect: error

resource "coder_agent" "a" {
  os   = "linux"
  arch = "amd64"
  env = "not-a-map"
}
