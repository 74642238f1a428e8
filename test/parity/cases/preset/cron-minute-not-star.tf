# schedule cron '30 8-18 * * 1-5': a minute field other than *
#@ phase: validate
#@ expect: error

data "coder_workspace_preset" "a" {
  name = "a"
  prebuilds {
    instances = 1
    scheduling {
      timezone = "UTC"
      schedule {
        cron      = "30 8-18 * * 1-5"
        instances = 3
      }
    }
  }
}
