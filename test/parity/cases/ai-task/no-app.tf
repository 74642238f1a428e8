# neither app_id nor sidebar_app: an apply-time error (TestAITask/NoAppID)
#@ phase: apply
#@ expect: error
#@ set CODER_TASK_ID = "7d8d4c2e-fb57-44f9-a183-22509819c2e7"
#@ set CODER_TASK_PROMPT = "p"

resource "coder_ai_task" "t" {
}
