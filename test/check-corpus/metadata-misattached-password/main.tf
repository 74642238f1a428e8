terraform {
  required_providers {
    coder  = { source = "coder/coder" }
    random = { source = "hashicorp/random" }
  }
}

data "coder_workspace" "me" {}

resource "random_password" "db" {
  length = 24
}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_env" "db_password" {
  agent_id = coder_agent.main.id
  name     = "DB_PASSWORD"
  value    = random_password.db.result
}

resource "terraform_data" "vm" {
  count = data.coder_workspace.me.start_count
  input = coder_agent.main.init_script
}

resource "coder_metadata" "vm" {
  count       = data.coder_workspace.me.start_count
  resource_id = terraform_data.vm[0].id
  item {
    key   = "database"
    value = "db.internal:5432"
  }
  item {
    key       = "password"
    value     = random_password.db.result
    sensitive = true
  }
}
