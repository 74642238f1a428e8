# metadata blocks with only the required fields, and explicit zeros
#@ phase: apply
#@ expect: ok

resource "coder_agent" "a" {
  os   = "linux"
  arch = "amd64"
  metadata {
    key      = "a"
    script   = "echo a"
    interval = 1
  }
  metadata {
    key          = "b"
    display_name = ""
    script       = "echo b"
    interval     = -5
    timeout      = 0
    order        = -1
  }
}
