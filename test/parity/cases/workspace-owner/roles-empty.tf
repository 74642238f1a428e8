# rbac roles present but empty
#@ phase: plan
#@ expect: error
#@ set CODER_WORKSPACE_OWNER_RBAC_ROLES = "   "

data "coder_workspace_owner" "me" {}
