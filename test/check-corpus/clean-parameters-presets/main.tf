terraform {
  required_providers {
    coder = { source = "coder/coder" }
  }
}

data "coder_workspace" "me" {}

data "coder_parameter" "region" {
  name         = "region"
  display_name = "Region"
  default      = "eu"
  option {
    name  = "Europe"
    value = "eu"
  }
  option {
    name  = "United States"
    value = "us"
  }
}

data "coder_parameter" "cpu" {
  name    = "cpu"
  type    = "number"
  default = 2
  mutable = true
  validation {
    min = 1
    max = 8
  }
}

data "coder_parameter" "repo" {
  name        = "repo"
  description = "Git repository to clone"
  type        = "string"
}

data "coder_workspace_preset" "eu_small" {
  name = "EU small"
  parameters = {
    region = "eu"
    cpu    = "2"
    repo   = "https://github.com/coder/coder"
  }
  prebuilds {
    instances = 2
  }
}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  env = {
    REGION = data.coder_parameter.region.value
    REPO   = data.coder_parameter.repo.value
  }
}

resource "terraform_data" "vm" {
  count = data.coder_workspace.me.start_count
  input = {
    cpu         = data.coder_parameter.cpu.value
    init_script = coder_agent.main.init_script
  }
}
