# validation max beyond the 64-bit integer range
#@ phase: validate
#@ expect: error

data "coder_parameter" "a" {
  name = "a"
  validation {
    max = 1e20
  }
}
