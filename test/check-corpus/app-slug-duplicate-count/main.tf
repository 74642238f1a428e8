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

resource "coder_app" "port" {
  count    = 2
  agent_id = coder_agent.main.id
  slug     = "preview"
  url      = "http://localhost:${3000 + count.index}"
}
