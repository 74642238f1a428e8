terraform {
  required_providers {
    coder = { source = "coder/coder" }
  }
}

data "coder_workspace" "me" {}
data "coder_workspace_owner" "me" {}

data "coder_secret" "github" {
  env          = "GITHUB_TOKEN"
  help_message = "Add a GitHub token as GITHUB_TOKEN."
}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  env = {
    GIT_AUTHOR_NAME  = coalesce(data.coder_workspace_owner.me.full_name, data.coder_workspace_owner.me.name)
    GIT_AUTHOR_EMAIL = data.coder_workspace_owner.me.email
  }
  startup_script = <<-EOT
    set -e
    gh auth status || echo "log in with: echo \"$GITHUB_TOKEN\" | gh auth login --with-token"
  EOT

  metadata {
    key          = "cpu"
    display_name = "CPU"
    script       = "coder stat cpu"
    interval     = 10
    timeout      = 1
  }
}

resource "coder_env" "github" {
  agent_id = coder_agent.main.id
  name     = "GITHUB_TOKEN"
  value    = data.coder_secret.github.value
}

resource "coder_app" "code_server" {
  agent_id     = coder_agent.main.id
  slug         = "code-server"
  display_name = "VS Code"
  url          = "http://localhost:13337/?folder=/home/coder"
  healthcheck {
    url       = "http://localhost:13337/healthz"
    interval  = 5
    threshold = 6
  }
}

resource "coder_script" "dotfiles" {
  agent_id     = coder_agent.main.id
  display_name = "Dotfiles"
  run_on_start = true
  script       = "coder dotfiles -y \"$DOTFILES_URL\" || true"
}

resource "terraform_data" "container" {
  count = data.coder_workspace.me.start_count
  input = {
    image       = "codercom/enterprise-base:ubuntu"
    init_script = coder_agent.main.init_script
    hostname    = data.coder_workspace.me.name
  }
}

resource "coder_metadata" "container" {
  count       = data.coder_workspace.me.start_count
  resource_id = terraform_data.container[0].id
  item {
    key   = "image"
    value = "codercom/enterprise-base:ubuntu"
  }
}
