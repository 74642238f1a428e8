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

resource "terraform_data" "volume" {
  input = "home"
}

resource "coder_script" "mount" {
  agent_id     = terraform_data.volume.id
  display_name = "Mount home"
  script       = "mount /home"
  run_on_start = true
}
