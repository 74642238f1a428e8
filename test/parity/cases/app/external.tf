# an external app (TestApp/External/Valid) and a hidden external one (TestApp/Hidden)
#@ phase: apply
#@ expect: ok

resource "coder_app" "docs" {
  agent_id = "agent"
  slug     = "docs"
  url      = "https://coder.com/docs"
  external = true
}
resource "coder_app" "hidden" {
  agent_id = "agent"
  slug     = "hidden"
  url      = "https://google.com"
  external = true
  hidden   = true
}
