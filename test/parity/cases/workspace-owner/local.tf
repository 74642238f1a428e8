# no owner variables: defaults, empty groups and roles, login_type null
#@ phase: apply
#@ expect: ok

data "coder_workspace_owner" "me" {}
