# name is required
#@ phase: validate
#@ expect: error

data "coder_parameter" "a" {
  type = "string"
}
