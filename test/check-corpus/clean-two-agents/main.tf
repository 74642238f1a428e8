terraform {
  required_providers {
    coder = { source = "coder/coder" }
  }
}

data "coder_workspace" "me" {}

resource "coder_agent" "dev" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_agent" "gpu" {
  os   = "linux"
  arch = "arm64"
}

resource "terraform_data" "dev_vm" {
  count = data.coder_workspace.me.start_count
  input = coder_agent.dev.init_script
}

resource "terraform_data" "gpu_vm" {
  count = data.coder_workspace.me.start_count
  input = coder_agent.gpu.init_script
}

resource "coder_app" "dev_code" {
  agent_id = coder_agent.dev.id
  slug     = "dev-code"
  url      = "http://localhost:8080"
}

resource "coder_app" "jupyter" {
  agent_id  = coder_agent.gpu.id
  slug      = "jupyter"
  url       = "http://localhost:8888"
  subdomain = true
  share     = "authenticated"
}
