terraform {
  required_providers {
    coder = { source = "coder/coder" }
  }
}

variable "vault_token" {
  type      = string
  sensitive = true
  default   = "stand-in-vault-token"
}

data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os             = "linux"
  arch           = "amd64"
  startup_script = <<-EOT
    vault login ${var.vault_token}
    vault kv get secret/app
  EOT
}

resource "terraform_data" "host" {
  count = data.coder_workspace.me.start_count
  input = {
    init_script = coder_agent.main.init_script
  }
}
