# open_in outside the allowed list (TestApp/OpenIn/InvalidValue)
#@ phase: validate
#@ expect: error

resource "coder_app" "a" {
  agent_id = "agent"
  slug     = "a"
  open_in = "nonsense"
}
