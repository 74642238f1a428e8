# every auth type substituted for ${AUTH_TYPE} in the init script
#@ phase: apply
#@ expect: ok
#@ env: build

resource "coder_agent" "token" {
  os   = "linux"
  arch = "amd64"
  auth = "token"
}
resource "coder_agent" "google_instance_identity" {
  os   = "linux"
  arch = "amd64"
  auth = "google-instance-identity"
}
resource "coder_agent" "aws_instance_identity" {
  os   = "linux"
  arch = "amd64"
  auth = "aws-instance-identity"
}
resource "coder_agent" "azure_instance_identity" {
  os   = "linux"
  arch = "amd64"
  auth = "azure-instance-identity"
}
