# regex conflicts with monotonic
#@ phase: validate
#@ expect: error

data "coder_parameter" "a" {
  name = "a"
  validation {
    regex     = "a"
    monotonic = "increasing"
  }
}
