# ttl 0, 3600 and 31536000
#@ phase: apply
#@ expect: ok

data "coder_workspace_preset" "t0" {
  name = "t0"
  prebuilds {
    instances = 0
    expiration_policy {
      ttl = 0
    }
  }
}

data "coder_workspace_preset" "t3600" {
  name = "t3600"
  prebuilds {
    instances = 1
    expiration_policy {
      ttl = 3600
    }
  }
}

data "coder_workspace_preset" "t31536000" {
  name = "t31536000"
  prebuilds {
    instances = 1
    expiration_policy {
      ttl = 31536000
    }
  }
}
