# schedule cron '* 5-3 * * *': a reversed range
#@ phase: validate
#@ expect: error

data "coder_workspace_preset" "a" {
  name = "a"
  prebuilds {
    instances = 1
    scheduling {
      timezone = "UTC"
      schedule {
        cron      = "* 5-3 * * *"
        instances = 3
      }
    }
  }
}
