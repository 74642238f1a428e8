# a metadata block without script and interval
#@ phase: validate
#@ expect: error

resource "coder_agent" "a" {
  os   = "linux"
  arch = "amd64"
  metadata {
    key = "k"
  }
}
