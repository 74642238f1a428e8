# an id of the wrong length (TestTaskDatasource/InvalidTaskID)
#@ phase: plan
#@ expect: error
#@ set CODER_TASK_ID = "not a valid UUID"

data "coder_task" "me" {}
