# two memory blocks (TestAgent_ResourcesMonitoring/MultipleMemory)
#@ phase: validate
#@ expect: error

resource "coder_agent" "a" {
  os   = "linux"
  arch = "amd64"
  resources_monitoring {
    memory {
      enabled   = true
      threshold = 80
    }
    memory {
      enabled   = true
      threshold = 90
    }
  }
}
