# display-apps-defaults-explicit: the template after the update

resource "coder_agent" "a" {
  os   = "linux"
  arch = "amd64"
  display_apps {
    vscode                 = true
    vscode_insiders        = false
    web_terminal           = true
    port_forwarding_helper = true
    ssh_helper             = true
  }
}
