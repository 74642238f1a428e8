terraform {
  required_providers {
    coder = { source = "coder/coder" }
  }
}

variable "start_count" {
  type = number
}

variable "api_key" {
  type      = string
  sensitive = true
}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_env" "api_key" {
  agent_id = coder_agent.main.id
  name     = "API_KEY"
  value    = var.api_key
}

resource "terraform_data" "vm" {
  count = var.start_count
  input = coder_agent.main.init_script
}
