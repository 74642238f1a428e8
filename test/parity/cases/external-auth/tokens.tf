# access tokens from CODER_EXTERNAL_AUTH_ACCESS_TOKEN_<id> (hyphenated ids too), optional echoed or null
#@ phase: apply
#@ expect: ok
#@ set CODER_EXTERNAL_AUTH_ACCESS_TOKEN_github = "gh-token"
#@ set CODER_EXTERNAL_AUTH_ACCESS_TOKEN_azure-identity = ""

data "coder_external_auth" "github" {
  id       = "github"
  optional = true
}

data "coder_external_auth" "azure" {
  id = "azure-identity"
}

data "coder_external_auth" "gitlab" {
  id       = "gitlab"
  optional = false
}
