# never-runs-on-update: the template after the update

resource "coder_script" "s" {
  agent_id     = "a"
  display_name = "s"
  script       = "s"
}
