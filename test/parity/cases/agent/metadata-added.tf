# a metadata block added, with an explicit order 0: a replacement with per-element paths
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
}
