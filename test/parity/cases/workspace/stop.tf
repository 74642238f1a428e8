# a stop build: start_count 0
#@ phase: apply
#@ expect: ok
#@ env: build
#@ set CODER_WORKSPACE_TRANSITION = "stop"

data "coder_workspace" "me" {}
