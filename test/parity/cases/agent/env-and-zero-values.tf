# an empty env map, zero values and empty strings at the top level
#@ phase: apply
#@ expect: ok

resource "coder_agent" "a" {
  os   = "linux"
  arch = "amd64"
  env                 = {}
  order               = 0
  connection_timeout  = 0
  motd_file           = ""
  startup_script      = ""
  troubleshooting_url = ""
}
