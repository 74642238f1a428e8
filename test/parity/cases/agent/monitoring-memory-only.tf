# memory only (TestAgent_ResourcesMonitoring/OnlyMemory)
#@ phase: apply
#@ expect: ok

resource "coder_agent" "a" {
  os   = "linux"
  arch = "amd64"
  resources_monitoring {
    memory {
      enabled   = true
      threshold = 0
    }
  }
}
