# two volumes with one path and different thresholds (TestAgent_ResourcesMonitoring/DuplicatePaths)
#@ phase: plan
#@ expect: error

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
      threshold = 100
    }
  }
}
