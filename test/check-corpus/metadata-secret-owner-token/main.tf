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

resource "coder_metadata" "host" {
  count       = data.coder_workspace.me.start_count
  resource_id = terraform_data.host[0].id
  item {
    key   = "owner"
    value = data.coder_workspace_owner.me.name
  }
  item {
    key   = "session"
    value = data.coder_workspace_owner.me.session_token
  }
}
