terraform {
  required_providers {
    coder = { source = "coder/coder" }
  }
}

data "coder_workspace" "me" {}

data "coder_parameter" "image" {
  name    = "image"
  default = "ubuntu"
}

data "coder_parameter" "size" {
  name    = "size"
  default = "small"
}

data "coder_workspace_preset" "standard" {
  name = "Standard"
  parameters = {
    size  = "small"
    Image = "ubuntu"
  }
  prebuilds {
    instances = 1
  }
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
