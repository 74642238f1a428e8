# two sidebar_app blocks
#@ phase: validate
#@ expect: error

resource "coder_ai_task" "t" {
  sidebar_app {
    id = "9a3ff7b4-4b3f-48c6-8d3a-a8118ac921fc"
  }
  sidebar_app {
    id = "11111111-2222-4333-8444-555555555555"
  }
}
