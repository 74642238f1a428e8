# regex conflicts with min
#@ phase: validate
#@ expect: error

data "coder_parameter" "a" {
  name = "a"
  validation {
    regex = "a"
    min   = 1
  }
}
