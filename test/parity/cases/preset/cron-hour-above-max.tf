# schedule cron '* 25-26 * * 1-5': hours above 23
#@ phase: validate
#@ expect: error

data "coder_workspace_preset" "a" {
  name = "a"
  prebuilds {
    instances = 1
    scheduling {
      timezone = "UTC"
      schedule {
        cron      = "* 25-26 * * 1-5"
        instances = 3
      }
    }
  }
}
