# icon with a control character
#@ phase: validate
#@ expect: error

resource "coder_app" "a" {
  agent_id = "agent"
  slug     = "a"
  icon = "/icon\u0001.svg"
}
