# a configured implicit id is rejected by the SDK
#@ phase: validate
#@ expect: error

data "coder_workspace_tags" "tags" {
  id   = "mine"
  tags = { a = "b" }
}
