# previous values: a non-integer previous value skips the monotonic check
#@ phase: apply
#@ expect: ok
#@ previous "prev_empty" = ""
#@ previous "prev_plus" = "+3"
#@ previous "prev_word" = "three"

data "coder_parameter" "prev_empty" {
  name    = "prev_empty"
  type    = "number"
  default = "1"
  validation {
    monotonic = "increasing"
  }
}

data "coder_parameter" "prev_plus" {
  name    = "prev_plus"
  type    = "number"
  default = "3"
  validation {
    monotonic = "decreasing"
  }
}

data "coder_parameter" "prev_word" {
  name    = "prev_word"
  type    = "number"
  default = "3"
  validation {
    monotonic = "increasing"
  }
}
