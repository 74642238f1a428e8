# name only: type, form_type, styling, mutable, ephemeral defaults, value "", optional false
#@ phase: apply
#@ expect: ok

data "coder_parameter" "minimal" {
  name = "minimal"
}
