# value is computed only
#@ phase: validate
#@ expect: error

data "coder_parameter" "a" {
  name  = "a"
  value = "x"
}
