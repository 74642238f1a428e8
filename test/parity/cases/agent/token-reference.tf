# another agent's token in env: the token is regenerated on every refresh, so every plan replaces the dependent agent
#@ phase: apply
#@ expect: changes

resource "coder_agent" "first" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_agent" "second" {
  os   = "linux"
  arch = "amd64"
  env  = { FIRST_TOKEN = coder_agent.first.token }
}
