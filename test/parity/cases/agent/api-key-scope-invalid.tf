# api_key_scope outside the allowed list (TestAgent_APIKeyScope/InvalidValue)
#@ phase: validate
#@ expect: error

resource "coder_agent" "a" {
  os   = "linux"
  arch = "amd64"
  api_key_scope = "invalid-scope"
}
