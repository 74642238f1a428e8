resource "coder_agent" "dev" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_env" "go_path" {
  agent_id = coder_agent.dev.id
  name     = "PATH"
  value    = "/usr/local/go/bin"
  # Joined onto the agent's PATH with ":" instead of replacing it.
  merge_strategy = "append"
}

resource "coder_env" "git_author" {
  agent_id = coder_agent.dev.id
  name     = "GIT_AUTHOR_NAME"
  value    = "Coder User"
}
