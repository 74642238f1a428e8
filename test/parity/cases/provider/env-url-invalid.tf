# an invalid CODER_AGENT_URL fails when the provider is configured
#@ phase: plan
#@ expect: error
#@ solo
#@ set CODER_AGENT_URL = "http://[::1"

data "coder_workspace" "me" {}
