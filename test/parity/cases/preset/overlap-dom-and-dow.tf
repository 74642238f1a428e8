# a day-of-month schedule and a day-of-week schedule
#@ phase: plan
#@ expect: error

data "coder_workspace_preset" "a" {
  name = "a"
  prebuilds {
    instances = 1
    scheduling {
      timezone = "UTC"
      schedule {
        cron      = "* 9 * * 1"
        instances = 1
      }
      schedule {
        cron      = "* 9 3 * *"
        instances = 1
      }
    }
  }
}
