# command and url conflict both ways (TestApp/ConflictsWith/URLAndCommand)
#@ phase: validate
#@ expect: error

resource "coder_app" "a" {
  agent_id = "agent"
  slug     = "a"
  command = "ls"
  url     = "http://localhost:8080"
}
