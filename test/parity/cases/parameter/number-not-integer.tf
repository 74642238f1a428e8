# the rule parses integers only: 1.5 fails even though it is a number
#@ phase: plan
#@ expect: error

data "coder_parameter" "a" {
  name    = "float_rule"
  type    = "number"
  default = "1.5"
  validation {
    min = 0
  }
}
