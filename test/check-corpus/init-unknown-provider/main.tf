terraform {
  required_providers {
    coder = { source = "coder/coder" }
    cloud = {
      source  = "example-corp/workstations"
      version = "~> 1.0"
    }
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
