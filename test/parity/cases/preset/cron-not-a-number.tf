# schedule cron '* x * * *': an hour that is not a number
#@ phase: validate
#@ expect: error

data "coder_workspace_preset" "a" {
  name = "a"
  prebuilds {
    instances = 1
    scheduling {
      timezone = "UTC"
      schedule {
        cron      = "* x * * *"
        instances = 3
      }
    }
  }
}
