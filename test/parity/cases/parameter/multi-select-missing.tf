# multi-select input with values that are not options (duplicates kept)
#@ phase: plan
#@ expect: error
#@ param "multi_missing" = "[\"red\", \"yellow\", \"black\", \"yellow\"]"

data "coder_parameter" "a" {
  name      = "multi_missing"
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
