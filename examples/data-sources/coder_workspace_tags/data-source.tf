data "coder_parameter" "cluster" {
  name         = "cluster"
  display_name = "Cluster"
  type         = "string"
  default      = "eu-prod"

  option {
    name  = "EU production"
    value = "eu-prod"
  }
  option {
    name  = "GPU pool"
    value = "gpu"
  }
}

# Builds of this template only run on provisioners tagged with all of these. A value can come
# from a parameter, so the workspace owner's choice picks the provisioner.
data "coder_workspace_tags" "routing" {
  tags = {
    "team"    = "platform"
    "cluster" = data.coder_parameter.cluster.value
  }
}

resource "coder_agent" "dev" {
  os   = "linux"
  arch = "amd64"
}
