# schedule cron '* 1-2-3 * * *': too many hyphens
#@ phase: validate
#@ expect: error

data "coder_workspace_preset" "a" {
  name = "a"
  prebuilds {
    instances = 1
    scheduling {
      timezone = "UTC"
      schedule {
        cron      = "* 1-2-3 * * *"
        instances = 3
      }
    }
  }
}
