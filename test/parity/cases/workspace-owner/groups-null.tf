# groups "null"
#@ phase: apply
#@ expect: ok
#@ set CODER_WORKSPACE_OWNER_GROUPS = "null"

data "coder_workspace_owner" "me" {}
