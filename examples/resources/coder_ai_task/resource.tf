# Makes the template usable for Coder Tasks: a task starts a workspace from this template and
# shows the app below as its AI interface. The coder_task data source gives the build the prompt.
resource "coder_agent" "dev" {
  os   = "linux"
  arch = "amd64"
}

# The AI agent's web UI inside the workspace (e.g. agentapi in front of a coding assistant).
resource "coder_app" "ai_agent" {
  agent_id     = coder_agent.dev.id
  slug         = "ai-agent"
  display_name = "AI agent"
  icon         = "/icon/claude.svg"
  url          = "http://localhost:3284/"
  subdomain    = true
}

resource "coder_ai_task" "task" {
  app_id = coder_app.ai_agent.id
}
