# a full build: every owner attribute, sensitive ones marked
#@ phase: apply
#@ expect: ok
#@ env: build

data "coder_workspace_owner" "me" {}
