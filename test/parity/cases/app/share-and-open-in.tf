# every share level and open_in value (TestApp/SharingLevel, TestApp/OpenIn)
#@ phase: apply
#@ expect: ok

resource "coder_app" "owner" {
  agent_id = "agent"
  slug     = "owner"
  share = "owner"
}
resource "coder_app" "authenticated" {
  agent_id = "agent"
  slug     = "authenticated"
  share = "authenticated"
}
resource "coder_app" "public" {
  agent_id = "agent"
  slug     = "public"
  share = "public"
}
resource "coder_app" "tab" {
  agent_id = "agent"
  slug     = "tab"
  open_in = "tab"
}
resource "coder_app" "slim" {
  agent_id = "agent"
  slug     = "slim"
  open_in = "slim-window"
}
