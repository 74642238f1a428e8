# id is required
#@ phase: validate
#@ expect: error

data "coder_external_auth" "x" {
}
