# app_id that is not a UUID (TestAITask/InvalidAppID)
#@ phase: validate
#@ expect: error

resource "coder_ai_task" "t" {
  app_id = "not-a-uuid"
}
