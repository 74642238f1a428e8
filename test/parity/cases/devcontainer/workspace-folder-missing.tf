# workspace_folder is required (TestDevcontainerNoWorkspaceFolder)
#@ phase: validate
#@ expect: error

resource "coder_devcontainer" "d" {
  agent_id = "king"
}
