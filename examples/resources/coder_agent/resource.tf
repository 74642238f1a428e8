data "coder_workspace" "me" {}

resource "coder_agent" "dev" {
  os   = "linux"
  arch = "amd64"

  # Plain configuration for every process the agent starts.
  env = {
    EDITOR = "vim"
  }

  startup_script_behavior = "non-blocking"
  startup_script          = <<-EOT
    echo "workspace ${data.coder_workspace.me.name} is starting"
  EOT

  metadata {
    key          = "load"
    display_name = "Load average"
    script       = "cut -d' ' -f1 /proc/loadavg"
    interval     = 10
    timeout      = 1
  }

  display_apps {
    vscode          = true
    vscode_insiders = false
    web_terminal    = true
  }

  resources_monitoring {
    memory {
      enabled   = true
      threshold = 90
    }
    volume {
      path      = "/home/coder"
      enabled   = true
      threshold = 80
    }
  }
}

# The compute resource runs init_script. A real template uses a container or VM resource here
# and passes coder_agent.dev.token to it as CODER_AGENT_TOKEN; terraform_data stands in so the
# example runs anywhere. (The token is minted afresh on every refresh unless Coder hands over the
# running agent's token, exactly as with the Go provider, so the stand-in does not store it.)
resource "terraform_data" "workspace_host" {
  count = data.coder_workspace.me.start_count
  input = {
    init_script = coder_agent.dev.init_script
  }
}
