# the same template again: refreshing regenerates the token, no change is planned
#@ phase: update
#@ expect: ok
#@ env: build

resource "coder_agent" "a" {
  os   = "linux"
  arch = "amd64"
  env = { A = "1" }
}
