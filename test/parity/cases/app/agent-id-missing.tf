# agent_id is required
#@ phase: validate
#@ expect: error

resource "coder_app" "a" {
  slug = "a"
}
