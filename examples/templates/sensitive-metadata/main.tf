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

# Stands in for the VM or container that runs the agent (its startup runs the init script).
resource "terraform_data" "workspace" {
  input = {
    host        = "postgres-${data.coder_workspace.me.name}"
    init_script = coder_agent.main.init_script
  }
}

locals {
  # Coder shows a coder_metadata on the resource closest to it in the dependency graph. Read
  # through a local, the password is one step further away than the resource the metadata
  # describes, so the metadata stays on the workspace and not on random_password.
  db_password = random_password.db.result
}

resource "coder_metadata" "workspace" {
  resource_id = terraform_data.workspace.id
  item {
    key   = "database host"
    value = "db.internal"
  }
  item {
    key       = "database password"
    value     = local.db_password
    sensitive = true
  }
}
