# the nil UUID is not a task
#@ phase: apply
#@ expect: ok
#@ set CODER_TASK_ID = "00000000-0000-0000-0000-000000000000"
#@ set CODER_TASK_PROMPT = ""

resource "coder_ai_task" "t" {
  app_id = "9a3ff7b4-4b3f-48c6-8d3a-a8118ac921fc"
}
