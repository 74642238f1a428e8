# coder_workspace has no configurable id
#@ phase: validate
#@ expect: error

data "coder_workspace" "me" {
  id = "x"
}
