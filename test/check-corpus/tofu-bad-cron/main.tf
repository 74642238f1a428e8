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

resource "terraform_data" "host" {
  count = data.coder_workspace.me.start_count
  input = {
    init_script = coder_agent.main.init_script
  }
}

resource "coder_script" "backup" {
  agent_id     = coder_agent.main.id
  display_name = "Nightly backup"
  script       = "backup.sh"
  cron         = "0 0 25 * * *"
}
