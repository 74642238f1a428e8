# no task variables: a random id, enabled false, prompt null (TestAITask_Enabled/DisabledWhenWorkspace)
#@ phase: apply
#@ expect: ok

resource "coder_app" "ai" {
  agent_id = "a"
  slug     = "ai"
}

resource "coder_ai_task" "t" {
  app_id = coder_app.ai.id
}
