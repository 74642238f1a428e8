data "coder_workspace" "me" {}

resource "coder_agent" "dev" {
  os   = "linux"
  arch = "amd64"
  # Start code-server in the background; the app below proxies its port.
  startup_script = <<-EOT
    code-server --auth none --port 13337 >/tmp/code-server.log 2>&1 &
  EOT
}

# A web app inside the workspace, proxied by Coder on its own subdomain. The dashboard shows it as
# healthy once /healthz answers, and as unhealthy after 6 failed checks in a row.
resource "coder_app" "code_server" {
  agent_id     = coder_agent.dev.id
  slug         = "code-server"
  display_name = "VS Code (browser)"
  icon         = "/icon/code.svg"
  url          = "http://localhost:13337/?folder=/home/coder"
  subdomain    = true
  share        = "owner"
  order        = 1

  healthcheck {
    url       = "http://localhost:13337/healthz"
    interval  = 5
    threshold = 6
  }
}

# A command opened in a terminal from the dashboard.
resource "coder_app" "htop" {
  agent_id     = coder_agent.dev.id
  slug         = "htop"
  display_name = "htop"
  icon         = "/icon/terminal.svg"
  command      = "htop"
  order        = 2
}

# An external link: opened by the user's browser directly, not proxied through Coder.
resource "coder_app" "runbook" {
  agent_id     = coder_agent.dev.id
  slug         = "runbook"
  display_name = "Team runbook"
  icon         = "/icon/book.svg"
  url          = "https://wiki.example.com/runbooks/dev-environments"
  external     = true
  open_in      = "tab"
}

# The compute resource would run init_script; terraform_data stands in so the example runs anywhere.
resource "terraform_data" "workspace_host" {
  count = data.coder_workspace.me.start_count
  input = {
    init_script = coder_agent.dev.init_script
  }
}
