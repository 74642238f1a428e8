# both JSON variables bad: groups are reported
#@ phase: plan
#@ expect: error
#@ set CODER_WORKSPACE_OWNER_GROUPS = "{}"
#@ set CODER_WORKSPACE_OWNER_RBAC_ROLES = "{}"

data "coder_workspace_owner" "me" {}
