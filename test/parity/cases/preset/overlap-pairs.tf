# five schedules: the first overlapping pair in declaration order is reported
#@ phase: plan
#@ expect: error

data "coder_workspace_preset" "a" {
  name = "a"
  prebuilds {
    instances = 1
    scheduling {
      timezone = "UTC"
      schedule {
        cron      = "* 1 * * *"
        instances = 1
      }
      schedule {
        cron      = "* 2 * * *"
        instances = 1
      }
      schedule {
        cron      = "* 3 * * *"
        instances = 1
      }
      schedule {
        cron      = "* 2 * * *"
        instances = 1
      }
      schedule {
        cron      = "* 1 * * *"
        instances = 1
      }
    }
  }
}
