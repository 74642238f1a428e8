# an explicit external = false still conflicts with share
#@ phase: validate
#@ expect: error

resource "coder_app" "a" {
  agent_id = "agent"
  slug     = "a"
  external = false
  share    = "public"
}
