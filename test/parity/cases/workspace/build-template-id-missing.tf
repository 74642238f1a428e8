# a build without CODER_WORKSPACE_TEMPLATE_ID
#@ phase: plan
#@ expect: error
#@ env: build
#@ unset CODER_WORKSPACE_TEMPLATE_ID

data "coder_workspace" "me" {}
