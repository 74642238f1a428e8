# empty strings everywhere, an empty name, styling that is not JSON
#@ phase: apply
#@ expect: ok

data "coder_parameter" "a" {
  name         = ""
  default      = ""
  description  = ""
  display_name = ""
  icon         = ""
  styling      = "not json at all"
  option {
    name        = "a"
    value       = ""
    description = ""
    icon        = ""
  }
  validation {
    error = ""
    regex = ""
  }
}
