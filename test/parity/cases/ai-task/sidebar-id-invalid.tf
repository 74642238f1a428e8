# a sidebar_app id that is not a UUID
#@ phase: validate
#@ expect: error

resource "coder_ai_task" "t" {
  sidebar_app {
    id = "nope"
  }
}
