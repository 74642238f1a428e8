# a hidden app with display_name, icon and order set warns at apply for each
#@ phase: apply
#@ expect: ok

resource "coder_app" "a" {
  agent_id = "agent"
  slug     = "a"
  hidden       = true
  display_name = "Hidden App"
  icon         = "/icon/code.svg"
  order        = 3
}
