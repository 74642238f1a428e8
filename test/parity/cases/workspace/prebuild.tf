# CODER_WORKSPACE_IS_PREBUILD=TRUE (any case)
#@ phase: apply
#@ expect: ok
#@ env: build
#@ set CODER_WORKSPACE_IS_PREBUILD = "TRUE"

data "coder_workspace" "me" {}
