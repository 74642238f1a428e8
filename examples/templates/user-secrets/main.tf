# The owner's own secrets, declared by the template and filled by Coder at build time: one as an
# environment variable, one as a file. A start build without them fails with the help message.
terraform {
  required_providers {
    coder = { source = "coder/coder" }
  }
}

data "coder_workspace" "me" {}

data "coder_secret" "github_token" {
  env          = "GITHUB_TOKEN"
  help_message = "Create a secret GITHUB_TOKEN holding a GitHub token with repo scope."
}

data "coder_secret" "npmrc" {
  file         = "~/.npmrc"
  help_message = "Store your ~/.npmrc (with its registry token) as a secret."
}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  startup_script = <<-EOT
    umask 077
    printf '%s' "$NPMRC_CONTENT" > ~/.npmrc
  EOT
}

resource "coder_env" "github_token" {
  agent_id = coder_agent.main.id
  name     = "GITHUB_TOKEN"
  value    = data.coder_secret.github_token.value
}

resource "coder_env" "npmrc" {
  agent_id = coder_agent.main.id
  name     = "NPMRC_CONTENT"
  value    = data.coder_secret.npmrc.value
}

resource "terraform_data" "workspace_host" {
  count = data.coder_workspace.me.start_count
  input = {
    init_script = coder_agent.main.init_script
  }
}
