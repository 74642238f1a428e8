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

resource "coder_metadata" "host_info" {
  count       = data.coder_workspace.me.start_count
  resource_id = terraform_data.host[0].id
  item {
    key   = "image"
    value = "ubuntu:24.04"
  }
}

resource "coder_metadata" "host_cost" {
  count       = data.coder_workspace.me.start_count
  resource_id = terraform_data.host[0].id
  daily_cost  = 10
}
