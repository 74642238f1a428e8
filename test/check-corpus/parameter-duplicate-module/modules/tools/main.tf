terraform {
  required_providers {
    coder = { source = "coder/coder" }
  }
}

data "coder_parameter" "cpu" {
  name    = "cpu"
  type    = "number"
  default = 4
}

output "cpu" {
  value = data.coder_parameter.cpu.value
}
