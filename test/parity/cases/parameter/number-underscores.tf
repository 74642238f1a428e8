# underscores without a base prefix are not a number
#@ phase: plan
#@ expect: error

data "coder_parameter" "a" {
  name    = "underscores"
  type    = "number"
  default = "1__0"
}
