# zero-values-over-nulls: the template after the update

resource "coder_agent" "a" {
  os   = "linux"
  arch = "amd64"
  order               = 0
  env                 = {}
  motd_file           = ""
  troubleshooting_url = ""
  connection_timeout  = 120
  auth                = "token"
}
