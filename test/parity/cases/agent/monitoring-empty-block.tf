# resources_monitoring {}: plans and applies with null monitor blocks, and the next plan fails (TestAgent_ResourcesMonitoring/MissingMonitors)
#@ phase: replan
#@ expect: error

resource "coder_agent" "a" {
  os   = "linux"
  arch = "amd64"
  resources_monitoring {}
}
