# a validation block on a list(string) with no value
#@ phase: plan
#@ expect: error

data "coder_parameter" "a" {
  name = "list_rule"
  type = "list(string)"
  validation {}
}
