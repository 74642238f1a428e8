terraform {
  required_providers {
    coder = {
      source = "coder/coder"
    }
  }
}

# Coder's provisioner sets CODER_AGENT_URL; `url` only needs setting to override it.
provider "coder" {}
