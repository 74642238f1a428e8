# share outside the allowed list (TestApp/SharingLevel/InvalidValue)
#@ phase: validate
#@ expect: error

resource "coder_app" "a" {
  agent_id = "agent"
  slug     = "a"
  share = "blah"
}
