# a build without CODER_WORKSPACE_TEMPLATE_VERSION
#@ phase: plan
#@ expect: error
#@ env: build
#@ unset CODER_WORKSPACE_TEMPLATE_VERSION

data "coder_workspace" "me" {}
