# The owner must sign in to GitHub through Coder before the workspace can be built; the ID is the
# one the external auth provider has in the Coder deployment.
data "coder_external_auth" "github" {
  id = "github"
}

# Optional: the owner may skip it, and the token is then empty.
data "coder_external_auth" "gitlab" {
  id       = "gitlab"
  optional = true
}

resource "coder_agent" "dev" {
  os   = "linux"
  arch = "amd64"
}

# access_token is sensitive, so Terraform hides it in plans and logs. Coder already uses it for
# `git` over HTTPS; an env var lets other CLIs (gh, glab) use it too.
resource "coder_env" "gh_token" {
  agent_id = coder_agent.dev.id
  name     = "GH_TOKEN"
  value    = data.coder_external_auth.github.access_token
}

resource "coder_env" "gitlab_token" {
  agent_id = coder_agent.dev.id
  name     = "GITLAB_TOKEN"
  value    = data.coder_external_auth.gitlab.access_token
}
