# An API key minted at build time by another provider's resource, handed to the workspace agent
# as an environment variable. The real template would use a Twilio (or similar) provider:
#
#   resource "twilio_api_accounts_keys" "workspace" {
#     account_sid   = var.twilio_account_sid
#     friendly_name = "coder-${data.coder_workspace.me.id}"
#   }
#   ... value = twilio_api_accounts_keys.workspace.secret
#
# Here hashicorp/random stands in: random_password.result is sensitive, exactly like such a key.
terraform {
  required_providers {
    coder  = { source = "coder/coder" }
    random = { source = "hashicorp/random" }
  }
}

data "coder_workspace" "me" {}

resource "random_password" "api_key" {
  length  = 40
  special = false
}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  env = {
    API_KEY     = random_password.api_key.result
    API_BASE    = "https://api.example.com"
  }
}

resource "terraform_data" "workspace_host" {
  count = data.coder_workspace.me.start_count
  input = {
    init_script = coder_agent.main.init_script
  }
}
