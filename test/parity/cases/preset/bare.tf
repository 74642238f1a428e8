# a name only: default false, parameters and prebuilds null
#@ phase: apply
#@ expect: ok

data "coder_workspace_preset" "bare" {
  name = "bare"
}
