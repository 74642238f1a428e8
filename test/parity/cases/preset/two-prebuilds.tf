# two prebuilds blocks
#@ phase: validate
#@ expect: error

data "coder_workspace_preset" "a" {
  name = "a"
  prebuilds {
    instances = 1
  }
  prebuilds {
    instances = 2
  }
}
