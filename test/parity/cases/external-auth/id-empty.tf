# an empty id
#@ phase: plan
#@ expect: error

data "coder_external_auth" "x" {
  id = ""
}
