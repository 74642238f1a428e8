# only "true" counts: "1" and "yes" do not
#@ phase: apply
#@ expect: ok
#@ set CODER_WORKSPACE_IS_PREBUILD = "1"
#@ set CODER_WORKSPACE_IS_PREBUILD_CLAIM = "yes"

data "coder_workspace" "me" {}
