# time zones Go accepts: UTC, "", Local, links, fixed offsets
#@ phase: apply
#@ expect: ok

data "coder_workspace_preset" "tz0" {
  name = "tz0"
  prebuilds {
    instances = 1
    scheduling {
      timezone = "UTC"
      schedule {
        cron      = "* */2 * jan-mar mon"
        instances = 1
      }
    }
  }
}

data "coder_workspace_preset" "tz1" {
  name = "tz1"
  prebuilds {
    instances = 1
    scheduling {
      timezone = ""
      schedule {
        cron      = "* */2 * jan-mar mon"
        instances = 1
      }
    }
  }
}

data "coder_workspace_preset" "tz2" {
  name = "tz2"
  prebuilds {
    instances = 1
    scheduling {
      timezone = "Local"
      schedule {
        cron      = "* */2 * jan-mar mon"
        instances = 1
      }
    }
  }
}

data "coder_workspace_preset" "tz3" {
  name = "tz3"
  prebuilds {
    instances = 1
    scheduling {
      timezone = "US/Eastern"
      schedule {
        cron      = "* */2 * jan-mar mon"
        instances = 1
      }
    }
  }
}

data "coder_workspace_preset" "tz4" {
  name = "tz4"
  prebuilds {
    instances = 1
    scheduling {
      timezone = "Etc/GMT+5"
      schedule {
        cron      = "* */2 * jan-mar mon"
        instances = 1
      }
    }
  }
}

data "coder_workspace_preset" "tz5" {
  name = "tz5"
  prebuilds {
    instances = 1
    scheduling {
      timezone = "EST"
      schedule {
        cron      = "* */2 * jan-mar mon"
        instances = 1
      }
    }
  }
}

data "coder_workspace_preset" "tz6" {
  name = "tz6"
  prebuilds {
    instances = 1
    scheduling {
      timezone = "Asia/Kolkata"
      schedule {
        cron      = "* */2 * jan-mar mon"
        instances = 1
      }
    }
  }
}
