# an empty name
#@ phase: validate
#@ expect: error

data "coder_workspace_preset" "a" {
  name = ""
}
