# a list(string) default with trailing text
#@ phase: plan
#@ expect: error

data "coder_parameter" "a" {
  name    = "not_list"
  type    = "list(string)"
  default = "[\"a\"] x"
}
