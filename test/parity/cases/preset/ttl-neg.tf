# expiration ttl -1 is neither 0 nor within 3600..31536000
#@ phase: validate
#@ expect: error

data "coder_workspace_preset" "a" {
  name = "a"
  prebuilds {
    instances = 1
    expiration_policy {
      ttl = -1
    }
  }
}
