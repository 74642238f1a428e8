# config_path added: a replacement
#@ phase: update
#@ expect: ok

resource "coder_devcontainer" "d" {
  agent_id         = "a"
  workspace_folder = "/w"
}
