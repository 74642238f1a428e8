# a value below min without a custom error
#@ phase: plan
#@ expect: error

data "coder_parameter" "a" {
  name    = "below"
  type    = "number"
  default = "-3"
  validation {
    min = -2
  }
}
