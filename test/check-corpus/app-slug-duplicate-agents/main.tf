terraform {
  required_providers {
    coder = { source = "coder/coder" }
  }
}

data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_agent" "gpu" {
  os   = "linux"
  arch = "amd64"
}

resource "terraform_data" "host" {
  count = data.coder_workspace.me.start_count
  input = [coder_agent.main.init_script, coder_agent.gpu.init_script]
}

resource "coder_app" "code_main" {
  agent_id = coder_agent.main.id
  slug     = "code"
  url      = "http://localhost:8080"
}

resource "coder_app" "code_gpu" {
  agent_id = coder_agent.gpu.id
  slug     = "code"
  url      = "http://localhost:8080"
}
