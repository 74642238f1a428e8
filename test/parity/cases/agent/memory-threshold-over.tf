# memory threshold above 100 (TestAgent_ResourcesMonitoring/InvalidThreshold)
#@ phase: validate
#@ expect: error

resource "coder_agent" "a" {
  os   = "linux"
  arch = "amd64"
  resources_monitoring {
    memory {
      enabled   = true
      threshold = 101
    }
  }
}
