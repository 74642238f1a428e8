# volume path not absolute (TestAgent_ResourcesMonitoring/NonAbsPath)
#@ phase: validate
#@ expect: error

resource "coder_agent" "a" {
  os   = "linux"
  arch = "amd64"
  resources_monitoring {
    volume {
      path      = "tmp"
      enabled   = true
      threshold = 80
    }
  }
}
