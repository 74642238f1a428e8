# metadata-removed: the template after the update

resource "coder_agent" "a" {
  os   = "linux"
  arch = "amd64"
  metadata {
    key      = "a"
    script   = "echo a"
    interval = 5
  }
}
