# roles: missing and null keys become ""
#@ phase: apply
#@ expect: ok
#@ set CODER_WORKSPACE_OWNER_RBAC_ROLES = "[{}, {\"name\":null}, {\"org_id\":\"o\"}] trailing"

data "coder_workspace_owner" "me" {}
