# groups that are not JSON
#@ phase: plan
#@ expect: error
#@ set CODER_WORKSPACE_OWNER_GROUPS = "[x"

data "coder_workspace_owner" "me" {}
