# a braced upper-case id, kept verbatim
#@ phase: apply
#@ expect: ok
#@ set CODER_TASK_ID = "{7D8D4C2E-FB57-44F9-A183-22509819C2E7}"
#@ set CODER_TASK_PROMPT = "fix it"

data "coder_task" "me" {}
