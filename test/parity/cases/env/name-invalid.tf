# name with a hyphen (TestEnvBadName)
#@ phase: validate
#@ expect: error

resource "coder_env" "e" {
  agent_id = "king"
  name     = "bad-name"
}
