# a full start build
#@ phase: apply
#@ expect: ok
#@ env: build

data "coder_workspace" "me" {}
