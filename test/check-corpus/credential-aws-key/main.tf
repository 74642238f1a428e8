terraform {
  required_providers {
    coder = { source = "coder/coder" }
  }
}

data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  env = {
    AWS_REGION            = "eu-west-1"
    AWS_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
  }
}

resource "terraform_data" "host" {
  count = data.coder_workspace.me.start_count
  input = {
    init_script = coder_agent.main.init_script
  }
}

resource "coder_env" "aws_key_id" {
  agent_id = coder_agent.main.id
  name     = "AWS_ACCESS_KEY_ID"
  value    = "AKIAQYLPMN5HHHFPZAM2"
}
