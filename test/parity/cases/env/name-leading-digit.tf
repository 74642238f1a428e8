# name starting with a digit
#@ phase: validate
#@ expect: error

resource "coder_env" "e" {
  agent_id = "king"
  name     = "1ABC"
}
