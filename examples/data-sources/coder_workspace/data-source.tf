data "coder_workspace" "me" {}

resource "coder_agent" "dev" {
  os   = "linux"
  arch = "amd64"
}

# Only run the workspace's compute while it is started.
resource "terraform_data" "workspace_host" {
  count = data.coder_workspace.me.start_count
  input = "${data.coder_workspace.me.name} at ${data.coder_workspace.me.access_url}"
}

output "transition" {
  value = data.coder_workspace.me.transition
}
