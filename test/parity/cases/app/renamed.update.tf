# renamed: the template after the update

resource "coder_app" "a" {
  agent_id = "agent"
  slug     = "renamed"
}
