# no task variables: random id, not enabled, empty prompt (TestTaskDatasource/NotExists)
#@ phase: apply
#@ expect: ok

data "coder_task" "me" {}
