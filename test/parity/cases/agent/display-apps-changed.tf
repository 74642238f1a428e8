# display_apps omitted (filled by create), then configured: a replacement
#@ phase: update
#@ expect: ok

resource "coder_agent" "a" {
  os   = "linux"
  arch = "amd64"
}
