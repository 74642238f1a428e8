terraform {
  required_providers {
    coder = { source = "coder/coder" }
  }
}

data "coder_workspace" "me" {}

data "coder_external_auth" "github" {
  id = "github"
}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"

  metadata {
    key          = "prs"
    display_name = "Open PRs"
    script       = "curl -s -H \"Authorization: token $GITHUB_TOKEN\" https://api.github.com/user/issues | jq length"
    interval     = 600
    timeout      = 10
  }
}

resource "coder_env" "github" {
  agent_id = coder_agent.main.id
  name     = "GITHUB_TOKEN"
  value    = data.coder_external_auth.github.access_token
}

resource "coder_script" "clone" {
  agent_id     = coder_agent.main.id
  display_name = "Clone"
  run_on_start = true
  script       = "git clone https://oauth2:$GITHUB_TOKEN@github.com/coder/coder ~/coder || true"
}

resource "terraform_data" "vm" {
  count = data.coder_workspace.me.start_count
  input = coder_agent.main.init_script
}
