data "coder_parameter" "region" {
  name    = "region"
  type    = "string"
  default = "eu-central"

  option {
    name  = "Europe (Frankfurt)"
    value = "eu-central"
  }
  option {
    name  = "US East (Virginia)"
    value = "us-east"
  }
}

data "coder_parameter" "machine_size" {
  name    = "machine_size"
  type    = "string"
  default = "medium"

  option {
    name  = "Medium (4 vCPU)"
    value = "medium"
  }
  option {
    name  = "Large (16 vCPU)"
    value = "large"
  }
}

# Preselected in the create form. Coder keeps a pool of ready ("prebuilt") workspaces with these
# values: 1 by default, 3 during office hours on weekdays; unclaimed ones are replaced after a day.
data "coder_workspace_preset" "frankfurt" {
  name        = "Frankfurt"
  description = "Medium machine in Europe, ready in seconds."
  icon        = "/emojis/1f1ea-1f1fa.png"
  default     = true
  parameters = {
    (data.coder_parameter.region.name)       = "eu-central"
    (data.coder_parameter.machine_size.name) = "medium"
  }

  prebuilds {
    instances = 1

    expiration_policy {
      ttl = 86400
    }

    scheduling {
      timezone = "Europe/Berlin"
      # Five cron fields, minute always "*": the hours and days the count applies to.
      schedule {
        cron      = "* 8-18 * * 1-5"
        instances = 3
      }
    }
  }
}

# A second preset without prebuilt workspaces.
data "coder_workspace_preset" "virginia_large" {
  name        = "Virginia, large"
  description = "Large machine in the US for heavy builds."
  parameters = {
    (data.coder_parameter.region.name)       = "us-east"
    (data.coder_parameter.machine_size.name) = "large"
  }
}

resource "coder_agent" "dev" {
  os   = "linux"
  arch = "amd64"
}
