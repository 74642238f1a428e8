# volume path empty (TestAgent_ResourcesMonitoring/EmptyPath)
#@ phase: validate
#@ expect: error

resource "coder_agent" "a" {
  os   = "linux"
  arch = "amd64"
  resources_monitoring {
    volume {
      path      = ""
      enabled   = true
      threshold = 80
    }
  }
}
