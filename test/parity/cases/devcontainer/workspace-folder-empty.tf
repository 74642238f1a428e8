# an empty workspace_folder
#@ phase: validate
#@ expect: error

resource "coder_devcontainer" "d" {
  agent_id         = "king"
  workspace_folder = ""
}
