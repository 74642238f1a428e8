# slug 'a_b' is not a valid hostname label
#@ phase: validate
#@ expect: error

resource "coder_app" "a" {
  agent_id = "agent"
  slug     = "a_b"
}
