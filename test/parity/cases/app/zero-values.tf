# explicit zero values everywhere
#@ phase: apply
#@ expect: ok

resource "coder_app" "a" {
  agent_id = "agent"
  slug     = "a"
  display_name = ""
  icon         = ""
  order        = 0
  group        = ""
  tooltip      = ""
  url          = ""
}
