# every attribute, as in TestApp/OK
#@ phase: apply
#@ expect: ok

resource "coder_agent" "dev" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_app" "code-server" {
  agent_id     = coder_agent.dev.id
  slug         = "code-server"
  display_name = "code-server"
  icon         = "builtin:vim"
  subdomain    = false
  url          = "http://localhost:13337"
  healthcheck {
    url       = "http://localhost:13337/healthz"
    interval  = 5
    threshold = 6
  }
  group   = "Apps"
  order   = 4
  hidden  = false
  open_in = "tab"
  tooltip = "You need to [Install Coder Desktop](https://coder.com/docs/user-guides/desktop#install-coder-desktop) to use this button."
}
