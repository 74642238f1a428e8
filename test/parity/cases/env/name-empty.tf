# an empty name
#@ phase: validate
#@ expect: error

resource "coder_env" "e" {
  agent_id = "king"
  name     = ""
}
