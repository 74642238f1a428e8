# form_type outside the allowed list
#@ phase: validate
#@ expect: error

data "coder_parameter" "a" {
  name      = "a"
  form_type = "select"
}
