# 36 characters without dashes in place
#@ phase: plan
#@ expect: error
#@ set CODER_TASK_ID = "7d8d4c2e_fb57_44f9_a183_22509819c2e7"

data "coder_task" "me" {}
