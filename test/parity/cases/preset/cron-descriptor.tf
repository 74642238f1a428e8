# schedule cron '@daily': a descriptor
#@ phase: validate
#@ expect: error

data "coder_workspace_preset" "a" {
  name = "a"
  prebuilds {
    instances = 1
    scheduling {
      timezone = "UTC"
      schedule {
        cron      = "@daily"
        instances = 3
      }
    }
  }
}
