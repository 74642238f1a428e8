# app_id and sidebar_app conflict both ways (TestAITask/ConflictingFields)
#@ phase: validate
#@ expect: error

resource "coder_ai_task" "t" {
  app_id = "9a3ff7b4-4b3f-48c6-8d3a-a8118ac921fc"
  sidebar_app {
    id = "9a3ff7b4-4b3f-48c6-8d3a-a8118ac921fc"
  }
}
