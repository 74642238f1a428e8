# a zone name starting with /
#@ phase: validate
#@ expect: error

data "coder_workspace_preset" "a" {
  name = "a"
  prebuilds {
    instances = 1
    scheduling {
      timezone = "/etc/localtime"
      schedule {
        cron      = "* 8-18 * * 1-5"
        instances = 3
      }
    }
  }
}
