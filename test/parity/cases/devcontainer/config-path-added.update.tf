# config-path-added: the template after the update

resource "coder_devcontainer" "d" {
  agent_id         = "a"
  workspace_folder = "/w"
  config_path      = "/w/.devcontainer/devcontainer.json"
}
