# external and command (TestApp/ConflictsWith/ExternalAndCommand)
#@ phase: validate
#@ expect: error

resource "coder_app" "a" {
  agent_id = "agent"
  slug     = "a"
  external = true
  command  = "ls"
}
