# The agent runs on a machine the template does not create (a laptop, an on-premises server,
# a GPU box). Coder shows the workspace owner the command that starts the agent there.
resource "coder_agent" "external" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_external_agent" "external" {
  agent_id = coder_agent.external.id
}

# Apps work as with any other agent.
resource "coder_app" "jupyter" {
  agent_id     = coder_agent.external.id
  slug         = "jupyter"
  display_name = "JupyterLab"
  icon         = "/icon/jupyter.svg"
  url          = "http://localhost:8888/"
  subdomain    = true
}
