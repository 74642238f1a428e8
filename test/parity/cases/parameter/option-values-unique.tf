# two options with one value
#@ phase: plan
#@ expect: error

data "coder_parameter" "a" {
  name = "dup_values"
  option {
    name  = "1"
    value = "1"
  }
  option {
    name  = "2"
    value = "1"
  }
}
