# a claim wins over prebuild
#@ phase: apply
#@ expect: ok
#@ set CODER_WORKSPACE_IS_PREBUILD = "true"
#@ set CODER_WORKSPACE_IS_PREBUILD_CLAIM = "True"

data "coder_workspace" "me" {}
