resource "coder_agent" "dev" {
  os   = "linux"
  arch = "amd64"
  # The repository must be on disk before the agent can start its Dev Container.
  startup_script = <<-EOT
    [ -d ~/project ] || git clone https://github.com/example/project.git ~/project
  EOT
}

# The agent builds and starts this Dev Container (Docker must be available in the workspace),
# then runs a sub-agent inside it so apps and terminals open in the container.
resource "coder_devcontainer" "project" {
  agent_id         = coder_agent.dev.id
  workspace_folder = "/home/coder/project"
  # Optional: without it the usual locations inside workspace_folder are searched.
  config_path = "/home/coder/project/.devcontainer/devcontainer.json"
}
