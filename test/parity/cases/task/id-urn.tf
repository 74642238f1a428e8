# a urn:uuid: id
#@ phase: apply
#@ expect: ok
#@ set CODER_TASK_ID = "URN:UUID:7d8d4c2e-fb57-44f9-a183-22509819c2e7"
#@ set CODER_TASK_PROMPT = "fix it"

data "coder_task" "me" {}
