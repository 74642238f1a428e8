# the custom error goes through printf: %d without arguments, a trailing %
#@ phase: plan
#@ expect: error

data "coder_parameter" "a" {
  name    = "printf"
  type    = "number"
  default = "x"
  validation {
    error = "100%% sure, %d left {value}%s"
  }
}

data "coder_parameter" "b" {
  name    = "trailing_pct"
  type    = "number"
  default = "x"
  validation {
    error = "trailing %"
  }
}
