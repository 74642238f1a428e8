# merge_strategy outside the allowed list (TestEnvInvalidMergeStrategy)
#@ phase: validate
#@ expect: error

resource "coder_env" "e" {
  agent_id = "king"
  name           = "PATH"
  merge_strategy = "concat"
}
