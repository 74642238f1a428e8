# default = null counts as no default
#@ phase: apply
#@ expect: ok

data "coder_parameter" "a" {
  name    = "default_null"
  default = null
}
