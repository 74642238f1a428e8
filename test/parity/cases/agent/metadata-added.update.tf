# metadata-added: the template after the update

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
  }
}
