# schedule cron '* */0 * * *': a zero step
#@ phase: validate
#@ expect: error

data "coder_workspace_preset" "a" {
  name = "a"
  prebuilds {
    instances = 1
    scheduling {
      timezone = "UTC"
      schedule {
        cron      = "* */0 * * *"
        instances = 3
      }
    }
  }
}
