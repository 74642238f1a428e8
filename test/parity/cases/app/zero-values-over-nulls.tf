# explicit zero values and defaults over an app planned from the minimum: no change
#@ phase: update
#@ expect: ok

resource "coder_app" "a" {
  agent_id = "agent"
  slug     = "a"
}
