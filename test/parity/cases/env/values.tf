# a value (TestEnv), no value (TestEnvEmptyValue), an empty value, names with underscores and digits
#@ phase: apply
#@ expect: ok

resource "coder_env" "message" {
  agent_id = "king"
  name     = "MESSAGE"
  value    = "Believe in yourself and there will come a day when others will have no choice but to believe with you."
}
resource "coder_env" "no_value" {
  agent_id = "king"
  name     = "MESSAGE"
}
resource "coder_env" "empty" {
  agent_id = "king"
  name     = "_EMPTY_1"
  value    = ""
}
resource "coder_env" "lower" {
  agent_id = "king"
  name     = "lower_case9"
  value    = "x"
}
