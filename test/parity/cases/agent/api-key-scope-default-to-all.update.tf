# api-key-scope-default-to-all: the template after the update

resource "coder_agent" "a" {
  os   = "linux"
  arch = "amd64"
  api_key_scope = "all"
}
