# roles with a key other than name and org_id
#@ phase: apply
#@ expect: ok
#@ set CODER_WORKSPACE_OWNER_RBAC_ROLES = "[{\"name\":\"a\",\"org_id\":\"o\",\"extra\":\"x\"}]"

data "coder_workspace_owner" "me" {}
