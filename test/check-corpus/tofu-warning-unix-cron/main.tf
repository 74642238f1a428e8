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

resource "terraform_data" "vm" {
  count = data.coder_workspace.me.start_count
  input = coder_agent.main.init_script
}

resource "coder_script" "cleanup" {
  agent_id     = coder_agent.main.id
  display_name = "Clean caches"
  script       = "rm -rf ~/.cache/pip"
  cron         = "30 2 * * *"
}
