# display_name of 33 characters but 66 bytes: the limit counts bytes
#@ phase: validate
#@ expect: error

resource "coder_app" "a" {
  agent_id = "agent"
  slug     = "a"
  display_name = "ééééééééééééééééééééééééééééééééé"
}
