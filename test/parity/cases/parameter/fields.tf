# every attribute set
#@ phase: apply
#@ expect: ok

data "coder_parameter" "fields" {
  name         = "region"
  display_name = "Region"
  type         = "string"
  form_type    = "dropdown"
  description  = "# Select the machine image\nSee the registry.\n"
  mutable      = true
  icon         = "/icon/region.svg"
  default      = "us-east1-a"
  option {
    name        = "US Central"
    value       = "us-central1-a"
    icon        = "/icon/central.svg"
    description = "Select for central!"
  }
  option {
    name  = "US East"
    value = "us-east1-a"
  }
  order     = 5
  ephemeral = true
  styling   = jsonencode({ disabled = false })
}
