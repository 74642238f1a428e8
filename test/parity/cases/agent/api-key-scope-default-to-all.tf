# api_key_scope omitted, then "all": no change (TestAgent_APIKeyScope/ValidTransitions)
#@ phase: update
#@ expect: ok

resource "coder_agent" "a" {
  os   = "linux"
  arch = "amd64"
}
