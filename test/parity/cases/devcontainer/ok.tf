# with config_path (TestDevcontainer) and without (TestDevcontainerNoConfigPath)
#@ phase: apply
#@ expect: ok

resource "coder_devcontainer" "with_config" {
  agent_id         = "king"
  workspace_folder = "/workspace"
  config_path      = "/workspace/devcontainer.json"
}

resource "coder_devcontainer" "plain" {
  agent_id         = "king"
  workspace_folder = "/workspace"
}

resource "coder_devcontainer" "empty_config" {
  agent_id         = ""
  workspace_folder = " "
  config_path      = ""
}
