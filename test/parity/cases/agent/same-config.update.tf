# same-config: the template after the update

resource "coder_agent" "a" {
  os   = "linux"
  arch = "amd64"
  env = { A = "1" }
}
