# a build with an empty CODER_WORKSPACE_TEMPLATE_NAME
#@ phase: plan
#@ expect: error
#@ env: build
#@ set CODER_WORKSPACE_TEMPLATE_NAME = ""

data "coder_workspace" "me" {}
