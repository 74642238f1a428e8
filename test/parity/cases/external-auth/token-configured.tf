# access_token is computed only
#@ phase: validate
#@ expect: error

data "coder_external_auth" "x" {
  id           = "github"
  access_token = "t"
}
