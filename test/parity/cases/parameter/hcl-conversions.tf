# numbers and bools given to string attributes are converted by tofu
#@ phase: apply
#@ expect: ok

data "coder_parameter" "a" {
  name    = 5
  default = true
  option {
    name  = 1
    value = true
  }
  option {
    name  = 2
    value = false
  }
}
