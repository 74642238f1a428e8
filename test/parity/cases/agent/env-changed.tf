# an env entry changed: a replacement with the env path
#@ phase: update
#@ expect: ok

resource "coder_agent" "a" {
  os   = "linux"
  arch = "amd64"
  env = { A = "1", B = "2" }
}
