# CODER_TASK_ID and CODER_TASK_PROMPT (TestTaskDatasource/Exists)
#@ phase: apply
#@ expect: ok
#@ set CODER_TASK_ID = "7d8d4c2e-fb57-44f9-a183-22509819c2e7"
#@ set CODER_TASK_PROMPT = "some task prompt"

data "coder_task" "me" {}
