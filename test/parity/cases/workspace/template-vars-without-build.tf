# template variables are optional outside a build, and used when set
#@ phase: apply
#@ expect: ok
#@ set CODER_WORKSPACE_TEMPLATE_NAME = "tpl"
#@ set CODER_WORKSPACE_ID = "not-a-uuid"
#@ set CODER_WORKSPACE_NAME = "ws"

data "coder_workspace" "me" {}
