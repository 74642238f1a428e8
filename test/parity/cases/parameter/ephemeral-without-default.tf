# an ephemeral parameter needs a default
#@ phase: plan
#@ expect: error

data "coder_parameter" "a" {
  name      = "ephemeral_no_default"
  mutable   = true
  ephemeral = true
}
