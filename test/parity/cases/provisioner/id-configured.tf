# the implicit optional id of a data source is rejected by the SDK when configured
#@ phase: validate
#@ expect: error

data "coder_provisioner" "me" {
  id = ""
}
