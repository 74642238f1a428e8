# The owner's Git SSH key, which Coder passes to every build, installed in the workspace.
terraform {
  required_providers {
    coder = { source = "coder/coder" }
  }
}

data "coder_workspace" "me" {}
data "coder_workspace_owner" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  startup_script = <<-EOT
    mkdir -p ~/.ssh && umask 077
    printf '%s\n' "$GIT_SSH_PRIVATE_KEY" > ~/.ssh/id_ed25519
    printf '%s\n' "$GIT_SSH_PUBLIC_KEY" > ~/.ssh/id_ed25519.pub
  EOT
}

resource "coder_env" "ssh_private_key" {
  agent_id = coder_agent.main.id
  name     = "GIT_SSH_PRIVATE_KEY"
  value    = data.coder_workspace_owner.me.ssh_private_key
}

resource "coder_env" "ssh_public_key" {
  agent_id = coder_agent.main.id
  name     = "GIT_SSH_PUBLIC_KEY"
  value    = data.coder_workspace_owner.me.ssh_public_key
}

resource "coder_env" "coder_session" {
  agent_id = coder_agent.main.id
  name     = "CODER_SESSION_TOKEN"
  value    = data.coder_workspace_owner.me.session_token
}

resource "terraform_data" "workspace_host" {
  count = data.coder_workspace.me.start_count
  input = {
    init_script = coder_agent.main.init_script
  }
}
