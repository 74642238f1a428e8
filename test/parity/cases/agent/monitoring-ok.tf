# memory and two volumes (TestAgent_ResourcesMonitoring/OK)
#@ phase: apply
#@ expect: ok

resource "coder_agent" "a" {
  os   = "linux"
  arch = "amd64"
  resources_monitoring {
    memory {
      enabled   = true
      threshold = 80
    }
    volume {
      path      = "/volume1"
      enabled   = true
      threshold = 80
    }
    volume {
      path      = "/volume2"
      enabled   = false
      threshold = 100
    }
  }
}
