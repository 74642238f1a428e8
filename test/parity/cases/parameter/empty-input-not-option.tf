# an empty input is not an option: the message asks about a missing default
#@ phase: plan
#@ expect: error
#@ param "empty_opt" = ""

data "coder_parameter" "a" {
  name    = "empty_opt"
  default = "a"
  option {
    name  = "a"
    value = "a"
  }
}
