# metadata-duplicate-on-update: the template after the update

resource "coder_agent" "a" {
  os   = "linux"
  arch = "amd64"
  metadata {
    key      = "a"
    script   = "x"
    interval = 1
  }
  metadata {
    key      = "a"
    script   = "y"
    interval = 2
  }
}
