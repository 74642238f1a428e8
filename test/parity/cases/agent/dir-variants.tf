# dir warnings: deprecation always, Desktop-sync warnings unless "", $HOME or ~
#@ phase: apply
#@ expect: ok

resource "coder_agent" "home" {
  os   = "linux"
  arch = "amd64"
  dir = "$HOME"
}
resource "coder_agent" "tilde" {
  os   = "linux"
  arch = "amd64"
  dir = "~"
}
resource "coder_agent" "empty" {
  os   = "linux"
  arch = "amd64"
  dir = ""
}
resource "coder_agent" "projects" {
  os   = "linux"
  arch = "amd64"
  dir = "~/projects"
}
resource "coder_agent" "relative" {
  os   = "linux"
  arch = "amd64"
  dir = "projects/foo"
}
