resource "coder_agent" "dev" {
  os   = "linux"
  arch = "amd64"
}

# The owner's GitHub token, exposed to the workspace as an environment variable.
data "coder_secret" "github_token" {
  env          = "GITHUB_TOKEN"
  help_message = "Add a secret named GITHUB_TOKEN with a personal access token (repo scope)."
}

resource "coder_env" "github_token" {
  agent_id = coder_agent.dev.id
  name     = "GITHUB_TOKEN"
  value    = data.coder_secret.github_token.value
}

# The owner's AWS credentials file, matched by path.
data "coder_secret" "aws_credentials" {
  file         = "~/.aws/credentials"
  help_message = "Add your AWS credentials file as a secret at ~/.aws/credentials."
}

resource "coder_env" "aws_credentials" {
  agent_id = coder_agent.dev.id
  name     = "AWS_SHARED_CREDENTIALS_CONTENT"
  value    = data.coder_secret.aws_credentials.value
}
