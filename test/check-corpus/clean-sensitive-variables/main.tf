terraform {
  required_providers {
    coder = { source = "coder/coder" }
  }
}

variable "registry_password" {
  type        = string
  sensitive   = true
  description = "Password of the private registry"
  default     = "stand-in"
}

variable "namespace" {
  type        = string
  description = "Kubernetes namespace"
}

data "coder_workspace" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  env = {
    REGISTRY_PASSWORD = var.registry_password
    NAMESPACE         = var.namespace
  }
}

resource "terraform_data" "pod" {
  count = data.coder_workspace.me.start_count
  input = {
    namespace   = var.namespace
    init_script = coder_agent.main.init_script
  }
}
