# regex with min, max and monotonic: the first conflict is reported
#@ phase: validate
#@ expect: error

data "coder_parameter" "a" {
  name = "a"
  validation {
    regex     = "a"
    min       = 1
    max       = 2
    monotonic = "x"
  }
}
