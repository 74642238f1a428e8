# a braced upper-case task id is normalised
#@ phase: apply
#@ expect: ok
#@ set CODER_TASK_ID = "{7D8D4C2E-FB57-44F9-A183-22509819C2E7}"
#@ set CODER_TASK_PROMPT = ""

resource "coder_ai_task" "t" {
  app_id = "9a3ff7b4-4b3f-48c6-8d3a-a8118ac921fc"
}
