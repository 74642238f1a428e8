# groups: null is an empty list, null elements become "", trailing text is ignored
#@ phase: apply
#@ expect: ok
#@ set CODER_WORKSPACE_OWNER_GROUPS = " [null, \"x\"] junk"
#@ set CODER_WORKSPACE_OWNER_RBAC_ROLES = "null"

data "coder_workspace_owner" "me" {}

data "coder_workspace_owner" "again" {}
