terraform {
  required_providers {
    coder = { source = "coder/coder" }
  }
}

variable "publish" {
  type    = string
  default = ""
}

data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  env = {
    EDITOR    = "vim"
    NPM_TOKEN = var.publish
  }
}

resource "terraform_data" "host" {
  count = data.coder_workspace.me.start_count
  input = {
    init_script = coder_agent.main.init_script
  }
}
