data "coder_workspace_owner" "me" {}

resource "coder_agent" "dev" {
  os   = "linux"
  arch = "amd64"
  env = {
    GIT_AUTHOR_NAME  = coalesce(data.coder_workspace_owner.me.full_name, data.coder_workspace_owner.me.name)
    GIT_AUTHOR_EMAIL = data.coder_workspace_owner.me.email
  }
}

# The owner's Git SSH key travels as a sensitive value into the workspace.
resource "coder_env" "git_ssh_key" {
  agent_id = coder_agent.dev.id
  name     = "GIT_SSH_PRIVATE_KEY"
  value    = data.coder_workspace_owner.me.ssh_private_key
}

output "groups" {
  value = data.coder_workspace_owner.me.groups
}
