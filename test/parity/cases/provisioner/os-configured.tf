# os is computed only
#@ phase: validate
#@ expect: error

data "coder_provisioner" "me" {
  os = "linux"
}
