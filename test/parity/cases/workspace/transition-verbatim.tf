# any transition is passed through; only "start" counts
#@ phase: apply
#@ expect: ok
#@ set CODER_WORKSPACE_TRANSITION = "Start"

data "coder_workspace" "me" {}
