# TestMetadata: hide, icon, daily_cost and five items (plain, sensitive, implicit null, explicit null, empty)
#@ phase: apply
#@ expect: ok

resource "coder_agent" "dev" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_metadata" "agent" {
  resource_id = coder_agent.dev.id
  hide        = true
  icon        = "/icon/storage.svg"
  daily_cost  = 200
  item {
    key   = "foo"
    value = "bar"
  }
  item {
    key       = "secret"
    value     = "squirrel"
    sensitive = true
  }
  item {
    key = "implicit_null"
  }
  item {
    key   = "explicit_null"
    value = null
  }
  item {
    key   = "empty"
    value = ""
  }
}
