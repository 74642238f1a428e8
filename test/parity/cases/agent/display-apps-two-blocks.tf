# two display_apps blocks
#@ phase: validate
#@ expect: error

resource "coder_agent" "a" {
  os   = "linux"
  arch = "amd64"
  display_apps {
    vscode = false
  }
  display_apps {
    vscode = true
  }
}
