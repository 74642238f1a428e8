# api-key-scope-to-no-user-data: the template after the update

resource "coder_agent" "a" {
  os   = "linux"
  arch = "amd64"
  api_key_scope = "no_user_data"
}
