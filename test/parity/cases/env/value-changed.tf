# a value change: a replacement
#@ phase: update
#@ expect: ok

resource "coder_env" "e" {
  agent_id = "a"
  name     = "X"
  value    = "1"
}
