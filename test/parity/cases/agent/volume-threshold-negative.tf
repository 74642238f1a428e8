# the second volume block has a threshold below 0: the message names its index
#@ phase: validate
#@ expect: error

resource "coder_agent" "a" {
  os   = "linux"
  arch = "amd64"
  resources_monitoring {
    volume {
      path      = "/home"
      enabled   = true
      threshold = 50
    }
    volume {
      path      = "/data"
      enabled   = false
      threshold = -1
    }
  }
}
