# values from CODER_PARAMETER_<sha256(name)>: an input replaces the default, an empty input too
#@ phase: apply
#@ expect: ok
#@ param "from_env" = "eu"
#@ param "empty_input" = ""
#@ param "Display Name" = "by name, not display_name"

data "coder_parameter" "from_env" {
  name    = "from_env"
  default = "us"
}

data "coder_parameter" "empty_input" {
  name    = "empty_input"
  default = "us"
}

data "coder_parameter" "no_input" {
  name    = "no_input"
  default = "us"
}

data "coder_parameter" "display" {
  name         = "Display Name"
  display_name = "shown"
}
