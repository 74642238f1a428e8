# The platform of the machine running the build. Templates whose workspace runs on that same
# machine (e.g. local Docker) use it to pick the agent's platform.
data "coder_provisioner" "me" {}

resource "coder_agent" "dev" {
  os   = data.coder_provisioner.me.os
  arch = data.coder_provisioner.me.arch
}
