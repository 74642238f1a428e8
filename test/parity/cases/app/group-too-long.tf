# group of 65 bytes
#@ phase: validate
#@ expect: error

resource "coder_app" "a" {
  agent_id = "agent"
  slug     = "a"
  group = "ggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggggg"
}
