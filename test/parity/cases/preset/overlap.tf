# two schedules sharing hours on a shared weekday
#@ phase: plan
#@ expect: error

data "coder_workspace_preset" "a" {
  name = "a"
  prebuilds {
    instances = 1
    scheduling {
      timezone = "America/Los_Angeles"
      schedule {
        cron      = "* 8-18 * * 1-5"
        instances = 1
      }
      schedule {
        cron      = "* 18-19 * * 5-6"
        instances = 1
      }
    }
  }
}
