# display_apps with two flags; the others take their defaults (TestAgent_DisplayApps/Subset)
#@ phase: apply
#@ expect: ok

resource "coder_agent" "a" {
  os   = "linux"
  arch = "amd64"
  display_apps {
    vscode_insiders = true
    web_terminal    = true
  }
}
