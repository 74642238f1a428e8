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
}

resource "terraform_data" "host" {
  count = data.coder_workspace.me.start_count
  input = {
    init_script = coder_agent.main.init_script
  }
}

resource "coder_app" "dashboard" {
  agent_id = coder_agent.main.id
  slug     = "dashboard"
  url      = "http://localhost:9000/?token=${data.coder_workspace_owner.me.session_token}"
}
