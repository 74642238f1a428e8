# startup_script_behavior outside the allowed list
#@ phase: validate
#@ expect: error

resource "coder_agent" "a" {
  os   = "linux"
  arch = "amd64"
  startup_script_behavior = "sometimes"
}
