# a description of 65 characters but 130 bytes
#@ phase: validate
#@ expect: error

data "coder_workspace_preset" "a" {
  name        = "a"
  description = "ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé"
}
