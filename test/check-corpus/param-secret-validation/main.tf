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

data "coder_parameter" "gitlab" {
  name    = "gitlab"
  default = ""
  validation {
    regex = "^(glpat-[A-Za-z0-9_-]{20})?$"
    error = "Paste the value GitLab shows you."
  }
}
