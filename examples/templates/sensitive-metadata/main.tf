# A database password shown on the workspace page only behind a click: the metadata item is
# marked `sensitive`, and the value stays masked in plan output because its source is sensitive.
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

resource "terraform_data" "database" {
  input = "postgres-${data.coder_workspace.me.name}"
}

resource "coder_metadata" "database" {
  resource_id = terraform_data.database.id
  item {
    key   = "host"
    value = "db.internal"
  }
  item {
    key       = "password"
    value     = random_password.db.result
    sensitive = true
  }
}
