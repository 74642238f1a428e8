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

resource "coder_script" "hello" {
  agent_id     = coder_agent.main.id
  display_name = "Hello"
  script       = "echo hello"
  run_on_start = true
}

output "init_script" {
  value     = coder_agent.main.init_script
  sensitive = true
}
