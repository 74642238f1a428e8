# a hidden app whose display_name, icon and order are zero values does not warn
#@ phase: apply
#@ expect: ok

resource "coder_app" "a" {
  agent_id = "agent"
  slug     = "a"
  hidden       = true
  display_name = ""
  icon         = ""
  order        = 0
}
