# the deprecated sidebar_app replaced by app_id: a replacement
#@ phase: update
#@ expect: ok

resource "coder_ai_task" "t" {
  sidebar_app {
    id = "9a3ff7b4-4b3f-48c6-8d3a-a8118ac921fc"
  }
}
