# max on a string parameter
#@ phase: plan
#@ expect: error

data "coder_parameter" "a" {
  name    = "max_string"
  default = "x"
  validation {
    max = 0
  }
}
