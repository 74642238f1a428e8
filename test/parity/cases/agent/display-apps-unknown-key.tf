# an unknown display_apps key (TestAgent_DisplayApps/InvalidApp)
#@ phase: validate
#@ expect: error

resource "coder_agent" "a" {
  os   = "linux"
  arch = "amd64"
  display_apps {
    fake_app = true
  }
}
