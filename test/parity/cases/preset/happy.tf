# name, description, icon, parameters; the id is the name
#@ phase: apply
#@ expect: ok

data "coder_workspace_preset" "happy" {
  name        = "preset_1"
  description = "# Select\nSee it.\n"
  icon        = "/icon/region.svg"
  parameters = {
    region = "us-east1-a"
  }
}
