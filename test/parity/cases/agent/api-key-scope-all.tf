# api_key_scope "all" given explicitly (TestAgent_APIKeyScope/ValidTransitions)
#@ phase: apply
#@ expect: ok

resource "coder_agent" "all" {
  os   = "linux"
  arch = "amd64"
  api_key_scope = "all"
}
resource "coder_agent" "no_user_data" {
  os   = "linux"
  arch = "amd64"
  api_key_scope = "no_user_data"
}
