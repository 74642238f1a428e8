# volume without threshold (TestAgent_ResourcesMonitoring/ThresholdMissing)
#@ phase: validate
#@ expect: error

resource "coder_agent" "a" {
  os   = "linux"
  arch = "amd64"
  resources_monitoring {
    volume {
      path    = "/volume1"
      enabled = true
    }
  }
}
