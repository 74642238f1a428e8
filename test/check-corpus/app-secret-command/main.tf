terraform {
  required_providers {
    coder = { source = "coder/coder" }
  }
}

variable "db_password" {
  type      = string
  sensitive = true
  default   = "stand-in-db-password"
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

resource "coder_app" "psql" {
  agent_id = coder_agent.main.id
  slug     = "psql"
  command  = "psql postgres://app:${var.db_password}@db.internal/app"
}
