# an option without value
#@ phase: validate
#@ expect: error

data "coder_parameter" "a" {
  name = "a"
  option {
    name = "a"
  }
}
