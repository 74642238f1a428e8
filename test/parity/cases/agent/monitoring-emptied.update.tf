# monitoring-emptied: the template after the update

resource "coder_agent" "a" {
  os   = "linux"
  arch = "amd64"
  resources_monitoring {}
}
