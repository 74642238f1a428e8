# CODER_WORKSPACE_OWNER_GROUPS present but empty: EOF
#@ phase: plan
#@ expect: error
#@ set CODER_WORKSPACE_OWNER_GROUPS = ""

data "coder_workspace_owner" "me" {}
