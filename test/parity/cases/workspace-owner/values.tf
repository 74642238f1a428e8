# each owner variable set explicitly
#@ phase: apply
#@ expect: ok
#@ set CODER_WORKSPACE_OWNER = "bob"
#@ set CODER_WORKSPACE_OWNER_ID = "owner-id-verbatim"
#@ set CODER_WORKSPACE_OWNER_NAME = "Bob Builder"
#@ set CODER_WORKSPACE_OWNER_EMAIL = "bob@example.test"
#@ set CODER_WORKSPACE_OWNER_SSH_PUBLIC_KEY = "ssh-ed25519 AAAA bob"
#@ set CODER_WORKSPACE_OWNER_SSH_PRIVATE_KEY = "-----BEGIN-----\nkey\n-----END-----\n"
#@ set CODER_WORKSPACE_OWNER_SESSION_TOKEN = "session-token"
#@ set CODER_WORKSPACE_OWNER_OIDC_ACCESS_TOKEN = "oidc-token"
#@ set CODER_WORKSPACE_OWNER_LOGIN_TYPE = "oidc"
#@ set CODER_WORKSPACE_OWNER_GROUPS = "[\"a\", \"b\"]"
#@ set CODER_WORKSPACE_OWNER_RBAC_ROLES = "[{\"name\":\"owner\",\"org_id\":\"\"}]"

data "coder_workspace_owner" "me" {}
