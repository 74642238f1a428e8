# display-apps-changed: the template after the update

resource "coder_agent" "a" {
  os   = "linux"
  arch = "amd64"
  display_apps {
    vscode = false
  }
}
