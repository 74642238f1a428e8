# a regex RE2 cannot compile
#@ phase: plan
#@ expect: error

data "coder_parameter" "a" {
  name    = "regex_compile"
  default = "x"
  validation {
    regex = "(abc"
    error = "e"
  }
}
