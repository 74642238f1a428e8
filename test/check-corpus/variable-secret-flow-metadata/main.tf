terraform {
  required_providers {
    coder = { source = "coder/coder" }
  }
}

variable "db_conn" {
  type    = string
  default = "postgres://app@db.internal/app"
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
  item {
    key       = "database"
    value     = var.db_conn
    sensitive = true
  }
}
