# one app breaking several validators at once: every error is reported
#@ phase: validate
#@ expect: error

resource "coder_app" "a" {
  agent_id = "agent"
  slug     = "Not A Slug"
  share        = "everyone"
  open_in      = "popup"
  icon         = "%zz"
  display_name = "dddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddddd"
  group        = "üüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüüü"
}
