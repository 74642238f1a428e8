terraform {
  required_providers {
    coder = { source = "coder/coder" }
  }
}

data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  count = 2
  os    = "linux"
  arch  = "amd64"
}

resource "terraform_data" "host" {
  count = 2
  input = {
    init_script = coder_agent.main[count.index].init_script
  }
}
