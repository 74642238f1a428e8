# os and arch of the machine running the provider
#@ phase: apply
#@ expect: ok

data "coder_provisioner" "me" {}
