# a prebuild pool with schedules on disjoint days; negative schedule instances are accepted
#@ phase: apply
#@ expect: ok

data "coder_workspace_preset" "a" {
  name = "schedules"
  prebuilds {
    instances = 2
    expiration_policy {
      ttl = 3600
    }
    scheduling {
      timezone = "America/Los_Angeles"
      schedule {
        cron      = "* 8-18 * * 1-5"
        instances = 3
      }
      schedule {
        cron      = "* 8-14 * * 6"
        instances = -1
      }
    }
  }
}
