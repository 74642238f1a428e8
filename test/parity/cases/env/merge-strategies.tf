# the default merge strategy (TestEnvDefaultMergeStrategy) and each explicit one (TestEnvValidMergeStrategies)
#@ phase: apply
#@ expect: ok

resource "coder_env" "default" {
  agent_id = "king"
  name     = "DEFAULTED"
}
resource "coder_env" "replace" {
  agent_id = "king"
  name           = "PATH"
  value          = "/replace"
  merge_strategy = "replace"
}
resource "coder_env" "append" {
  agent_id = "king"
  name           = "PATH"
  value          = "/append"
  merge_strategy = "append"
}
resource "coder_env" "prepend" {
  agent_id = "king"
  name           = "PATH"
  value          = "/prepend"
  merge_strategy = "prepend"
}
resource "coder_env" "error" {
  agent_id = "king"
  name           = "PATH"
  value          = "/error"
  merge_strategy = "error"
}
