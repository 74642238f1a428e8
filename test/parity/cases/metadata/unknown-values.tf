# item values unknown until apply (an agent token, an id) and a sensitive() value; the token changes on every refresh, so the next plan replaces the metadata
#@ phase: apply
#@ expect: changes

resource "coder_agent" "dev" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_metadata" "m" {
  resource_id = coder_agent.dev.id
  daily_cost  = 0
  hide        = false
  item {
    key       = "token"
    value     = coder_agent.dev.token
    sensitive = true
  }
  item {
    key   = "id"
    value = coder_agent.dev.id
  }
  item {
    key   = "marked"
    value = sensitive("hunter2")
  }
}
