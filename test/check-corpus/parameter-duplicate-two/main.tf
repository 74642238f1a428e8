terraform {
  required_providers {
    coder = { source = "coder/coder" }
  }
}

data "coder_workspace" "me" {}

data "coder_parameter" "region" {
  name    = "region"
  default = "eu"
}

data "coder_parameter" "region_again" {
  name    = "region"
  default = "us"
}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  env = {
    REGION = data.coder_parameter.region.value
  }
}

resource "terraform_data" "host" {
  count = data.coder_workspace.me.start_count
  input = {
    init_script = coder_agent.main.init_script
  }
}
