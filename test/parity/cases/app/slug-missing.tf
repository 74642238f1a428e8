# slug is required
#@ phase: validate
#@ expect: error

resource "coder_app" "a" {
  agent_id = "agent"
}
