# empty values count as unset
#@ phase: apply
#@ expect: ok
#@ set CODER_WORKSPACE_TRANSITION = ""
#@ set CODER_WORKSPACE_NAME = ""
#@ set CODER_WORKSPACE_ID = ""
#@ set CODER_WORKSPACE_BUILD_ID = ""
#@ set CODER_WORKSPACE_TEMPLATE_ID = ""

data "coder_workspace" "me" {}
