# Tells a build whether it runs a Coder Task, and with which prompt. Outside a task `enabled` is
# false and the prompt is empty, so the same template serves ordinary workspaces too.
data "coder_task" "me" {}

resource "coder_agent" "dev" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_app" "ai_agent" {
  agent_id     = coder_agent.dev.id
  slug         = "ai-agent"
  display_name = "AI agent"
  url          = "http://localhost:3284/"
}

resource "coder_ai_task" "task" {
  app_id = coder_app.ai_agent.id
}

# Start the AI agent with the prompt, only in task builds. The script reads the prompt from the
# environment rather than having it pasted into its text.
resource "coder_env" "task_prompt" {
  count    = data.coder_task.me.enabled ? 1 : 0
  agent_id = coder_agent.dev.id
  name     = "TASK_PROMPT"
  value    = data.coder_task.me.prompt
}

resource "coder_script" "start_ai_agent" {
  count        = data.coder_task.me.enabled ? 1 : 0
  agent_id     = coder_agent.dev.id
  display_name = "AI agent"
  run_on_start = true
  script       = <<-EOT
    #!/bin/sh
    agentapi server -- claude --print "$TASK_PROMPT" >/tmp/agentapi.log 2>&1 &
  EOT
}
