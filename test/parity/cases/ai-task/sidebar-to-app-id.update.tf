# sidebar-to-app-id: the template after the update

resource "coder_ai_task" "t" {
  app_id = "9a3ff7b4-4b3f-48c6-8d3a-a8118ac921fc"
}
