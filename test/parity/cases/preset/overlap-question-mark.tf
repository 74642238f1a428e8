# the overlap check does not understand ?
#@ phase: plan
#@ expect: error

data "coder_workspace_preset" "a" {
  name = "a"
  prebuilds {
    instances = 1
    scheduling {
      timezone = "UTC"
      schedule {
        cron      = "* 1 ? * 1"
        instances = 1
      }
      schedule {
        cron      = "* 1 2 * 1"
        instances = 1
      }
    }
  }
}
