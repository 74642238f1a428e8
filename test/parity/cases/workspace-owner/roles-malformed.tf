# rbac roles with a non-string name
#@ phase: plan
#@ expect: error
#@ set CODER_WORKSPACE_OWNER_RBAC_ROLES = "[{\"name\":1}]"

data "coder_workspace_owner" "me" {}
