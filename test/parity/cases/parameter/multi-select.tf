# a multi-select parameter with a JSON list input
#@ phase: apply
#@ expect: ok
#@ param "multi" = "[\"red\",\"green\"]"

data "coder_parameter" "a" {
  name      = "multi"
  type      = "list(string)"
  form_type = "multi-select"
  option {
    name  = "red"
    value = "red"
  }
  option {
    name  = "blue"
    value = "blue"
  }
  option {
    name  = "green"
    value = "green"
  }
}
