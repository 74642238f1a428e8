# zero-values-over-nulls: the template after the update

resource "coder_app" "a" {
  agent_id = "agent"
  slug     = "a"
  subdomain    = false
  order        = 0
  display_name = ""
  share        = "owner"
  hidden       = false
  open_in      = "slim-window"
}
