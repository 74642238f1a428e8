terraform {
  required_providers {
    coder = { source = "coder/coder" }
  }
}

module "frontend" {
  source = "./modules/box"
}

module "backend" {
  source = "./modules/box"
}
