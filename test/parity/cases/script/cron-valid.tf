# cron specs robfig/cron accepts: six fields, descriptors, time zones, names, whitespace, 5-field specs with their warning
#@ phase: apply
#@ expect: ok

resource "coder_script" "s0" {
  agent_id     = "agent"
  display_name = "Script"
  script       = "echo hi"
  cron         = "0 0 22 * * *"
}
resource "coder_script" "s1" {
  agent_id     = "agent"
  display_name = "Script"
  script       = "echo hi"
  cron         = "30 0 9 * * 1-5"
}
resource "coder_script" "s2" {
  agent_id     = "agent"
  display_name = "Script"
  script       = "echo hi"
  cron         = "@hourly"
}
resource "coder_script" "s3" {
  agent_id     = "agent"
  display_name = "Script"
  script       = "echo hi"
  cron         = "@every 1h30m"
}
resource "coder_script" "s4" {
  agent_id     = "agent"
  display_name = "Script"
  script       = "echo hi"
  cron         = "@yearly"
}
resource "coder_script" "s5" {
  agent_id     = "agent"
  display_name = "Script"
  script       = "echo hi"
  cron         = "@midnight"
}
resource "coder_script" "s6" {
  agent_id     = "agent"
  display_name = "Script"
  script       = "echo hi"
  cron         = "CRON_TZ=Europe/Berlin 0 0 9 * * *"
}
resource "coder_script" "s7" {
  agent_id     = "agent"
  display_name = "Script"
  script       = "echo hi"
  cron         = "TZ=UTC 0 0 * * * *"
}
resource "coder_script" "s8" {
  agent_id     = "agent"
  display_name = "Script"
  script       = "echo hi"
  cron         = "0 0 9 ? * MON-FRI"
}
resource "coder_script" "s9" {
  agent_id     = "agent"
  display_name = "Script"
  script       = "echo hi"
  cron         = "0 0 9 * JAN,dec sun"
}
resource "coder_script" "s10" {
  agent_id     = "agent"
  display_name = "Script"
  script       = "echo hi"
  cron         = " 0 22 * * * "
}
resource "coder_script" "s11" {
  agent_id     = "agent"
  display_name = "Script"
  script       = "echo hi"
  cron         = "0\t22 * * *"
}
resource "coder_script" "s12" {
  agent_id     = "agent"
  display_name = "Script"
  script       = "echo hi"
  cron         = "*/5 * * * *"
}
resource "coder_script" "s13" {
  agent_id     = "agent"
  display_name = "Script"
  script       = "echo hi"
  cron         = "0 22 * * *"
}
resource "coder_script" "s14" {
  agent_id     = "agent"
  display_name = "Script"
  script       = "echo hi"
  cron         = "+5 * * * * *"
}
