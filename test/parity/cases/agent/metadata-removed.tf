# a metadata block removed, one with an explicit order 0 (its zero value: no path) and a timeout
#@ phase: update
#@ expect: ok

resource "coder_agent" "a" {
  os   = "linux"
  arch = "amd64"
  metadata {
    key      = "a"
    script   = "echo a"
    interval = 5
  }
  metadata {
    key      = "b"
    script   = "echo b"
    interval = 5
    order    = 0
    timeout  = 3
  }
}
