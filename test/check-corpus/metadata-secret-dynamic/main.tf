terraform {
  required_providers {
    coder = { source = "coder/coder" }
  }
}

variable "admin_password" {
  type      = string
  sensitive = true
  default   = "correct-horse-battery"
}

locals {
  details = {
    user     = "admin"
    password = var.admin_password
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

resource "coder_metadata" "host" {
  count       = data.coder_workspace.me.start_count
  resource_id = terraform_data.host[0].id
  dynamic "item" {
    for_each = local.details
    content {
      key   = item.key
      value = item.value
    }
  }
}
