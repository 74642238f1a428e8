# a tag value unknown until apply: the data source is read at apply
#@ phase: apply
#@ expect: ok

resource "coder_env" "e" {
  agent_id = "a"
  name     = "X"
}

data "coder_workspace_tags" "tags" {
  tags = { env = coder_env.e.id }
}
