# schedule cron '* 8-18 * *': four fields
#@ phase: validate
#@ expect: error

data "coder_workspace_preset" "a" {
  name = "a"
  prebuilds {
    instances = 1
    scheduling {
      timezone = "UTC"
      schedule {
        cron      = "* 8-18 * *"
        instances = 3
      }
    }
  }
}
