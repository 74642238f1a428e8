terraform {
  required_providers {
    coder = { source = "coder/coder" }
  }
}

module "workspace" {
  source = "./modules/workspace"
}
