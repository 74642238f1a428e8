terraform {
  required_providers {
    coder = { source = "coder/coder" }
  }
}

data "coder_workspace" "me" {}

# Notifications used to go to xoxb-2094871234-5678123412-AbCdEfGhIjKlMnOpQrStUvWx
resource "coder_agent" "main" {
  os             = "linux"
  arch           = "amd64"
  startup_script = <<-EOT
    git config --global url."https://oauth2:ghp_R4nd0mL00k1ngT0k3nV4lu3F0rT3st1ngXy12@github.com/".insteadOf "https://github.com/"
  EOT
}

resource "terraform_data" "host" {
  count = data.coder_workspace.me.start_count
  input = {
    init_script = coder_agent.main.init_script
  }
}
