# api_key_scope "all", then "no_user_data": a replacement
#@ phase: update
#@ expect: ok

resource "coder_agent" "a" {
  os   = "linux"
  arch = "amd64"
  api_key_scope = "all"
}
