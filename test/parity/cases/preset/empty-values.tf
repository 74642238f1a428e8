# empty parameters map, empty strings, an empty parameter value, default true
#@ phase: apply
#@ expect: ok

data "coder_workspace_preset" "a" {
  name        = "empty"
  parameters  = {}
  description = ""
  icon        = ""
  default     = true
}

data "coder_workspace_preset" "b" {
  name       = "empty_value"
  parameters = { x = "" }
  default    = false
}
