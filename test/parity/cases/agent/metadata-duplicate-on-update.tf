# metadata keys made duplicate on update: the plan fails
#@ phase: update
#@ expect: error

resource "coder_agent" "a" {
  os   = "linux"
  arch = "amd64"
  metadata {
    key      = "a"
    script   = "x"
    interval = 1
  }
}
