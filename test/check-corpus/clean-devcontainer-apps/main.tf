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

resource "coder_devcontainer" "project" {
  agent_id         = coder_agent.main.id
  workspace_folder = "/home/coder/project"
}

resource "coder_app" "preview" {
  agent_id = coder_agent.main.id
  slug     = "preview"
  url      = "http://localhost:3000"
  open_in  = "tab"
}

resource "coder_app" "terminal" {
  agent_id = coder_agent.main.id
  slug     = "htop"
  command  = "htop"
}

resource "coder_app" "docs" {
  agent_id = coder_agent.main.id
  slug     = "docs"
  url      = "https://coder.com/docs"
  external = true
}

resource "terraform_data" "vm" {
  count = data.coder_workspace.me.start_count
  input = coder_agent.main.init_script
}
