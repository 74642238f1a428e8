terraform {
  required_providers {
    coder = { source = "coder/coder" }
  }
}

variable "vault" {
  type        = string
  description = "Vault token used by the startup script"
  default     = ""
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
