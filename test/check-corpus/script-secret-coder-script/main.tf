terraform {
  required_providers {
    coder = { source = "coder/coder" }
  }
}

data "coder_workspace" "me" {}

data "coder_secret" "npm" {
  env          = "NPM_TOKEN"
  help_message = "Add an npm token as NPM_TOKEN."
}

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

resource "coder_script" "npmrc" {
  agent_id     = coder_agent.main.id
  display_name = "npm login"
  run_on_start = true
  script       = <<-EOT
    set -eu
    echo "//registry.npmjs.org/:_authToken=${data.coder_secret.npm.value}" > ~/.npmrc
  EOT
}
