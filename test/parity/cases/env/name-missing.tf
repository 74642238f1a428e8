# name is required (TestEnvNoName)
#@ phase: validate
#@ expect: error

resource "coder_env" "e" {
  agent_id = "king"
  value    = "x"
}
