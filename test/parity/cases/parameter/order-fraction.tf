# order given a fraction
#@ phase: validate
#@ expect: error

data "coder_parameter" "a" {
  name  = "a"
  order = 1.5
}
