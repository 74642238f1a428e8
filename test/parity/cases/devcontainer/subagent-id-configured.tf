# subagent_id is computed only
#@ phase: validate
#@ expect: error

resource "coder_devcontainer" "d" {
  agent_id         = "king"
  workspace_folder = "/w"
  subagent_id      = "x"
}
