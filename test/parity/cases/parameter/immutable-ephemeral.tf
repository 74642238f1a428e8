# an immutable ephemeral parameter
#@ phase: plan
#@ expect: error

data "coder_parameter" "a" {
  name      = "immutable_ephemeral"
  default   = "abc"
  ephemeral = true
}
