# a value above max without a custom error
#@ phase: plan
#@ expect: error

data "coder_parameter" "a" {
  name    = "above"
  type    = "number"
  default = "12"
  validation {
    max = 11
  }
}
