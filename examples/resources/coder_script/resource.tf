resource "coder_agent" "dev" {
  os   = "linux"
  arch = "amd64"
  env = {
    DOTFILES_URL = "https://github.com/example/dotfiles.git"
  }
}

# Runs at every start. Users can log in while it runs; its output goes to the agent's log
# directory under the given name.
resource "coder_script" "dotfiles" {
  agent_id     = coder_agent.dev.id
  display_name = "Dotfiles"
  icon         = "/icon/dotfiles.svg"
  run_on_start = true
  log_path     = "dotfiles.log"
  script       = <<-EOT
    #!/bin/sh
    set -eu
    coder dotfiles --yes "$DOTFILES_URL"
  EOT
}

# Logins wait for this one (the shell profile needs these tools). It is killed after 5 minutes,
# and the agent is then marked as timed out.
resource "coder_script" "install_tools" {
  agent_id           = coder_agent.dev.id
  display_name       = "Install tools"
  icon               = "/icon/terminal.svg"
  run_on_start       = true
  start_blocks_login = true
  timeout            = 300
  script             = <<-EOT
    #!/bin/sh
    set -eu
    command -v jq >/dev/null || sudo apt-get install -y jq
  EOT
}

# On a schedule: six cron fields (seconds first), here every day at 22:00:00.
resource "coder_script" "nightly_cleanup" {
  agent_id     = coder_agent.dev.id
  display_name = "Nightly cleanup"
  cron         = "0 0 22 * * *"
  script       = <<-EOT
    #!/bin/sh
    find /tmp -mindepth 1 -mtime +2 -delete 2>/dev/null || true
  EOT
}

# Before the workspace stops.
resource "coder_script" "save_history" {
  agent_id     = coder_agent.dev.id
  display_name = "Save shell history"
  run_on_stop  = true
  script       = <<-EOT
    #!/bin/sh
    cp ~/.bash_history ~/persistent/ 2>/dev/null || true
  EOT
}
