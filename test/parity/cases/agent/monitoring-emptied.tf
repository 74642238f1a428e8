# replacing the memory monitor by an empty resources_monitoring block fails
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
