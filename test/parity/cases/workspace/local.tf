# no build variables: defaults (name "default", transition start, random id)
#@ phase: apply
#@ expect: ok

data "coder_workspace" "me" {}
