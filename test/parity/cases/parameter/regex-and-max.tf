# regex conflicts with max, even max = 0
#@ phase: validate
#@ expect: error

data "coder_parameter" "a" {
  name = "a"
  validation {
    regex = "a"
    max   = 0
  }
}
