# the deprecated sidebar_app: its id is copied to app_id at apply (TestAITask/DeprecatedSidebarApp)
#@ phase: apply
#@ expect: ok
#@ set CODER_TASK_ID = "7d8d4c2e-fb57-44f9-a183-22509819c2e7"
#@ set CODER_TASK_PROMPT = "some task prompt"

resource "coder_ai_task" "t" {
  sidebar_app {
    id = "9a3ff7b4-4b3f-48c6-8d3a-a8118ac921fc"
  }
}
