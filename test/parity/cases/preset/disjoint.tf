# schedules that share a weekday but not a day of month
#@ phase: apply
#@ expect: ok

data "coder_workspace_preset" "a" {
  name = "disjoint"
  prebuilds {
    instances = 1
    scheduling {
      timezone = "UTC"
      schedule {
        cron      = "* 9 1-10 * 1"
        instances = 1
      }
      schedule {
        cron      = "* 9 20-31 * 2"
        instances = 1
      }
    }
  }
}
