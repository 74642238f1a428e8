# 32 zeros are a valid (enabled) task id, kept verbatim
#@ phase: apply
#@ expect: ok
#@ set CODER_TASK_ID = "00000000000000000000000000000000"
#@ set CODER_TASK_PROMPT = "fix it"

data "coder_task" "me" {}
