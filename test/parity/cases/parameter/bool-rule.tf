# a validation block on a bool with a loose default: only "true" and "false" pass
#@ phase: plan
#@ expect: error

data "coder_parameter" "a" {
  name    = "bool_rule_true"
  type    = "bool"
  default = "True"
  validation {}
}
