# removing resources_monitoring on update fails with the developer error
#@ phase: update
#@ expect: error

resource "coder_agent" "a" {
  os   = "linux"
  arch = "amd64"
  resources_monitoring {
    memory {
      enabled   = true
      threshold = 80
    }
  }
}
