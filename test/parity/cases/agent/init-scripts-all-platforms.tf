# init_script for all nine os/arch pairs from the build environment (no script for darwin/armv7, windows/armv7)
#@ phase: apply
#@ expect: ok
#@ env: build

resource "coder_agent" "linux_amd64" {
  os   = "linux"
  arch = "amd64"
}
resource "coder_agent" "linux_arm64" {
  os   = "linux"
  arch = "arm64"
}
resource "coder_agent" "linux_armv7" {
  os   = "linux"
  arch = "armv7"
}
resource "coder_agent" "darwin_amd64" {
  os   = "darwin"
  arch = "amd64"
}
resource "coder_agent" "darwin_arm64" {
  os   = "darwin"
  arch = "arm64"
}
resource "coder_agent" "darwin_armv7" {
  os   = "darwin"
  arch = "armv7"
}
resource "coder_agent" "windows_amd64" {
  os   = "windows"
  arch = "amd64"
}
resource "coder_agent" "windows_arm64" {
  os   = "windows"
  arch = "arm64"
}
resource "coder_agent" "windows_armv7" {
  os   = "windows"
  arch = "armv7"
}
