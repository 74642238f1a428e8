# a build without any template variable: the first missing one is reported
#@ phase: plan
#@ expect: error
#@ env: build
#@ unset CODER_WORKSPACE_TEMPLATE_ID
#@ unset CODER_WORKSPACE_TEMPLATE_NAME
#@ unset CODER_WORKSPACE_TEMPLATE_VERSION

data "coder_workspace" "me" {}
