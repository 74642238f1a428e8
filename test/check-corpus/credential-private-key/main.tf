terraform {
  required_providers {
    coder = { source = "coder/coder" }
  }
}

variable "deploy_key" {
  type      = string
  sensitive = true
  default   = <<-EOT
    -----BEGIN OPENSSH PRIVATE KEY-----
    b3BlbnNzaC1rZXktdjEAAAAABG5vbmUAAAAEbm9uZQAAAAAAAAABAAAAMwAAAAtzc2gtZW
    -----END OPENSSH PRIVATE KEY-----
  EOT
}

variable "maps_key" {
  type      = string
  sensitive = true
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

resource "coder_env" "deploy_key" {
  agent_id = coder_agent.main.id
  name     = "DEPLOY_KEY"
  value    = var.deploy_key
}

resource "coder_env" "maps_key" {
  agent_id = coder_agent.main.id
  name     = "MAPS_API_KEY"
  value    = var.maps_key
}
