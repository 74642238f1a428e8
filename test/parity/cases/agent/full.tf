# every attribute set, under a full build environment
#@ phase: apply
#@ expect: ok
#@ env: build
resource "coder_agent" "full" {
  os                      = "linux"
  arch                    = "amd64"
  auth                    = "aws-instance-identity"
  dir                     = "/tmp"
  env                     = { hi = "there", EMPTY = "" }
  startup_script          = "echo start"
  shutdown_script         = "echo stop"
  troubleshooting_url     = "https://coder.com/troubleshoot"
  motd_file               = "/etc/motd"
  order                   = 4
  connection_timeout      = 0
  startup_script_behavior = "blocking"
  api_key_scope           = "no_user_data"
  metadata {
    key          = "process_count"
    display_name = "Process Count"
    script       = "ps aux | wc -l"
    interval     = 5
    timeout      = 1
    order        = 7
  }
  metadata {
    key      = "load"
    script   = "uptime"
    interval = 0
  }
}
