# value-changed: the template after the update

resource "coder_env" "e" {
  agent_id       = "a"
  name           = "X"
  value          = "2"
  merge_strategy = "replace"
}
