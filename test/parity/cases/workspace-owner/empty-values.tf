# empty values: defaults, login_type null; empty JSON variables are errors elsewhere
#@ phase: apply
#@ expect: ok
#@ set CODER_WORKSPACE_OWNER = ""
#@ set CODER_WORKSPACE_OWNER_ID = ""
#@ set CODER_WORKSPACE_OWNER_NAME = ""
#@ set CODER_WORKSPACE_OWNER_EMAIL = ""
#@ set CODER_WORKSPACE_OWNER_LOGIN_TYPE = ""
#@ set CODER_WORKSPACE_OWNER_SSH_PUBLIC_KEY = ""
#@ set CODER_WORKSPACE_OWNER_SESSION_TOKEN = ""

data "coder_workspace_owner" "me" {}
