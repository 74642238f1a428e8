# the canonical nil UUID is not a task
#@ phase: apply
#@ expect: ok
#@ set CODER_TASK_ID = "00000000-0000-0000-0000-000000000000"
#@ set CODER_TASK_PROMPT = "fix it"

data "coder_task" "me" {}
