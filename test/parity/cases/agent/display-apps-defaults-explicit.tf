# display_apps omitted, then written with its default values: no change
#@ phase: update
#@ expect: ok

resource "coder_agent" "a" {
  os   = "linux"
  arch = "amd64"
}
