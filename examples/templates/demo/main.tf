# The demo workspace: every way a secret reaches a Coder workspace, in one template.
#  - a key minted by another provider's resource (random_password stands in for an API key)
#  - a sensitive template variable (an admin-supplied service credential)
#  - the owner's own secrets via coder_secret, as an env var and as a file
#  - the owner's SSH key and session token from coder_workspace_owner
#  - a sensitive coder_metadata item
terraform {
  required_providers {
    coder  = { source = "coder/coder" }
    random = { source = "hashicorp/random" }
  }
}

variable "registry_password" {
  type      = string
  sensitive = true
  default   = "registry-password-stand-in"
}

data "coder_workspace" "me" {}
data "coder_workspace_owner" "me" {}

data "coder_secret" "github_token" {
  env          = "GITHUB_TOKEN"
  help_message = "Add a secret GITHUB_TOKEN with a GitHub token."
}

data "coder_secret" "aws_credentials" {
  file         = "~/.aws/credentials"
  help_message = "Store your AWS credentials file as a secret."
}

resource "random_password" "api_key" {
  length  = 32
  special = false
}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  dir  = "$HOME"
  env = {
    API_KEY           = random_password.api_key.result
    REGISTRY_PASSWORD = var.registry_password
    GIT_AUTHOR_NAME   = data.coder_workspace_owner.me.full_name
  }
  startup_script = <<-EOT
    umask 077
    mkdir -p ~/.aws ~/.ssh
    printf '%s' "$AWS_CREDENTIALS_FILE" > ~/.aws/credentials
    printf '%s\n' "$GIT_SSH_PRIVATE_KEY" > ~/.ssh/id_ed25519
  EOT

  metadata {
    key          = "cpu"
    display_name = "CPU"
    script       = "coder stat cpu"
    interval     = 10
    timeout      = 1
  }
}

resource "coder_env" "github_token" {
  agent_id = coder_agent.main.id
  name     = "GITHUB_TOKEN"
  value    = data.coder_secret.github_token.value
}

resource "coder_env" "aws_credentials" {
  agent_id = coder_agent.main.id
  name     = "AWS_CREDENTIALS_FILE"
  value    = data.coder_secret.aws_credentials.value
}

resource "coder_env" "ssh_key" {
  agent_id = coder_agent.main.id
  name     = "GIT_SSH_PRIVATE_KEY"
  value    = data.coder_workspace_owner.me.ssh_private_key
}

resource "coder_env" "session_token" {
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

resource "coder_metadata" "host" {
  count       = data.coder_workspace.me.start_count
  resource_id = terraform_data.workspace_host[0].id
  item {
    key   = "owner"
    value = data.coder_workspace_owner.me.name
  }
  item {
    key       = "api key"
    value     = random_password.api_key.result
    sensitive = true
  }
}
