terraform {
  required_providers {
    coder = { source = "coder/coder" }
  }
}

data "coder_workspace" "me" {}

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

data "coder_parameter" "github_token" {
  name         = "github_token"
  display_name = "GitHub"
  default      = ""
  mutable      = true
}

resource "coder_env" "github" {
  agent_id = coder_agent.main.id
  name     = "GH_HOST_TOKEN"
  value    = data.coder_parameter.github_token.value
}
