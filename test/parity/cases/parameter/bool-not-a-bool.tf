# a bool parameter whose default ParseBool rejects
#@ phase: plan
#@ expect: error

data "coder_parameter" "a" {
  name    = "not_bool"
  type    = "bool"
  default = "yes"
}
