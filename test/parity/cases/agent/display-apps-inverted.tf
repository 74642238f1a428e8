# every display_apps flag inverted (TestAgent_DisplayApps/OK)
#@ phase: apply
#@ expect: ok

resource "coder_agent" "a" {
  os   = "linux"
  arch = "amd64"
  display_apps {
    vscode                 = false
    vscode_insiders        = true
    web_terminal           = false
    port_forwarding_helper = false
    ssh_helper             = false
  }
}
