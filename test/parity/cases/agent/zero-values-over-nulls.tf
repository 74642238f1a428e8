# order, connection_timeout, env and strings given zero values over a state that has them null or defaulted
#@ phase: update
#@ expect: ok

resource "coder_agent" "a" {
  os   = "linux"
  arch = "amd64"
}
