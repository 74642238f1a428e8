# an unknown monotonic direction
#@ phase: plan
#@ expect: error

data "coder_parameter" "a" {
  name    = "bad_mono"
  type    = "number"
  default = "1"
  validation {
    monotonic = "foobar"
    error     = "custom"
  }
}
