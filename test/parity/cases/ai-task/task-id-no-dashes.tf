# a task id of 32 hex digits
#@ phase: apply
#@ expect: ok
#@ set CODER_TASK_ID = "7d8d4c2efb5744f9a18322509819c2e7"
#@ set CODER_TASK_PROMPT = ""

resource "coder_ai_task" "t" {
  app_id = "9a3ff7b4-4b3f-48c6-8d3a-a8118ac921fc"
}
