# a regex rule needs an error message
#@ phase: plan
#@ expect: error

data "coder_parameter" "a" {
  name    = "regex_no_error"
  default = "hello"
  validation {
    regex = "hello"
  }
}
