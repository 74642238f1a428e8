# two byte-identical volume blocks collapse into one and are no duplicate
#@ phase: apply
#@ expect: ok

resource "coder_agent" "a" {
  os   = "linux"
  arch = "amd64"
  resources_monitoring {
    volume {
      path      = "/volume1"
      enabled   = true
      threshold = 80
    }
    volume {
      path      = "/volume1"
      enabled   = true
      threshold = 80
    }
  }
}
