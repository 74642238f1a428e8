# memory without enabled (TestAgent_ResourcesMonitoring/EnabledMissing)
#@ phase: validate
#@ expect: error

resource "coder_agent" "a" {
  os   = "linux"
  arch = "amd64"
  resources_monitoring {
    memory {
      threshold = 80
    }
  }
}
