# a lookahead, which RE2 does not support
#@ phase: plan
#@ expect: error

data "coder_parameter" "a" {
  name    = "regex_lookahead"
  default = "x"
  validation {
    regex = "(?=x)"
    error = "e"
  }
}
