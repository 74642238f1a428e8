# the overlap check does not understand steps
#@ phase: plan
#@ expect: error

data "coder_workspace_preset" "a" {
  name = "a"
  prebuilds {
    instances = 1
    scheduling {
      timezone = "UTC"
      schedule {
        cron      = "* */2 * * *"
        instances = 1
      }
      schedule {
        cron      = "* 3 * * *"
        instances = 1
      }
    }
  }
}
