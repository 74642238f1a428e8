terraform {
  required_providers {
    coder = { source = "coder/coder" }
  }
}

variable "github_token" {
  type    = string
  default = ""
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

resource "coder_env" "gh" {
  agent_id = coder_agent.main.id
  name     = "GH_TOKEN"
  value    = var.github_token
}
