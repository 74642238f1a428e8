# a 45-character id without the urn:uuid: prefix
#@ phase: plan
#@ expect: error
#@ set CODER_TASK_ID = "urn:uuix:7d8d4c2e-fb57-44f9-a183-22509819c2e7"

data "coder_task" "me" {}
