# A cloud service-account key reaches the workspace both as an environment variable and as a
# file. With Google Cloud the key would come from:
#
#   resource "google_service_account_key" "workspace" {
#     service_account_id = google_service_account.workspace.name
#   }
#   ... base64decode(google_service_account_key.workspace.private_key)
#
# Here a sensitive terraform_data output stands in for the key (no cloud account needed).
terraform {
  required_providers {
    coder = { source = "coder/coder" }
  }
}

variable "service_account_key_json" {
  type      = string
  sensitive = true
  default   = "{\"type\":\"service_account\",\"private_key\":\"stand-in\"}"
}

data "coder_workspace" "me" {}

resource "terraform_data" "service_account_key" {
  input = sensitive(var.service_account_key_json)
}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  # The script only references the variable by name: the key itself never enters script text.
  startup_script = <<-EOT
    mkdir -p ~/.config/gcloud
    umask 077
    printf '%s' "$GOOGLE_CREDENTIALS" > ~/.config/gcloud/application_default_credentials.json
  EOT
}

resource "coder_env" "google_credentials" {
  agent_id = coder_agent.main.id
  name     = "GOOGLE_CREDENTIALS"
  value    = terraform_data.service_account_key.output
}

resource "coder_env" "google_credentials_path" {
  agent_id = coder_agent.main.id
  name     = "GOOGLE_APPLICATION_CREDENTIALS"
  value    = "/home/coder/.config/gcloud/application_default_credentials.json"
}

resource "terraform_data" "workspace_host" {
  count = data.coder_workspace.me.start_count
  input = {
    init_script = coder_agent.main.init_script
  }
}
