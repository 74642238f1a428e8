# an explicit empty form_type is rejected
#@ phase: validate
#@ expect: error

data "coder_parameter" "a" {
  name      = "a"
  form_type = ""
}
