terraform {
  required_providers {
    coder = { source = "coder/coder" }
  }
}

data "coder_workspace" "me" {}

data "coder_secret" "github" {
  env          = "GITHUB_TOKEN"
  help_message = "Add a GitHub token as GITHUB_TOKEN."
}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "terraform_data" "host" {
  count = data.coder_workspace.me.start_count
  input = {
    init_script = coder_agent.main.init_script
  }
}

resource "coder_env" "github" {
  agent_id = coder_agent.main.id
  name     = "GITHUB_TOKEN"
  value    = data.coder_secret.github.value
}
