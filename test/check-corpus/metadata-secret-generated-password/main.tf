terraform {
  required_providers {
    coder  = { source = "coder/coder" }
    random = { source = "hashicorp/random" }
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

resource "random_password" "db" {
  length  = 24
  special = false
}

resource "terraform_data" "database" {
  input = "postgres"
}

resource "coder_metadata" "database" {
  resource_id = terraform_data.database.id
  item {
    key   = "host"
    value = "db.internal:5432"
  }
  item {
    key   = "url"
    value = "postgres://app:${random_password.db.result}@db.internal:5432/app"
  }
}
