# groups holding a number
#@ phase: plan
#@ expect: error
#@ set CODER_WORKSPACE_OWNER_GROUPS = "[1]"

data "coder_workspace_owner" "me" {}
