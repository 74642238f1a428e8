# monitoring-removed: the template after the update

resource "coder_agent" "a" {
  os   = "linux"
  arch = "amd64"
}
