# two validation blocks
#@ phase: validate
#@ expect: error

data "coder_parameter" "a" {
  name = "a"
  validation {
    min = 1
  }
  validation {
    max = 2
  }
}
