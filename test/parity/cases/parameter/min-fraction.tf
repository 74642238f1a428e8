# validation min given a fraction
#@ phase: validate
#@ expect: error

data "coder_parameter" "a" {
  name = "a"
  validation {
    min = 0.5
  }
}
