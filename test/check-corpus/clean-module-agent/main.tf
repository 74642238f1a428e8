terraform {
  required_providers {
    coder  = { source = "coder/coder" }
    random = { source = "hashicorp/random" }
  }
}

data "coder_workspace" "me" {}

resource "random_password" "api_key" {
  length  = 32
  special = false
}

module "workstation" {
  source      = "./modules/workstation"
  start_count = data.coder_workspace.me.start_count
  api_key     = random_password.api_key.result
}
