data "coder_workspace" "me" {}

# A choice from fixed options. Immutable: changing the region means a new workspace.
data "coder_parameter" "region" {
  name         = "region"
  display_name = "Region"
  description  = "Where the workspace runs."
  icon         = "/emojis/1f30e.png"
  type         = "string"
  default      = "eu-central"
  mutable      = false
  order        = 1

  option {
    name  = "Europe (Frankfurt)"
    value = "eu-central"
    icon  = "/emojis/1f1ea-1f1fa.png"
  }
  option {
    name  = "US East (Virginia)"
    value = "us-east"
    icon  = "/emojis/1f1fa-1f1f8.png"
  }
}

# A number shown as a slider, kept within bounds. `{min}` and `{max}` are filled in the message.
data "coder_parameter" "cpu_cores" {
  name         = "cpu_cores"
  display_name = "CPU cores"
  type         = "number"
  form_type    = "slider"
  default      = 4
  mutable      = true
  order        = 2

  validation {
    min   = 2
    max   = 16
    error = "Pick between {min} and {max} cores."
  }
}

# Free text checked against a regular expression; empty means "no dotfiles".
data "coder_parameter" "dotfiles_url" {
  name         = "dotfiles_url"
  display_name = "Dotfiles repository"
  description  = "An https:// Git URL, or leave empty."
  type         = "string"
  default      = ""
  mutable      = true
  order        = 3

  validation {
    regex = "^(https://.+)?$"
    error = "Use an https:// URL."
  }
}

# Several choices at once: the value is a JSON-encoded list of strings.
data "coder_parameter" "vscode_extensions" {
  name         = "vscode_extensions"
  display_name = "VS Code extensions"
  type         = "list(string)"
  form_type    = "multi-select"
  default      = jsonencode(["golang.go"])
  mutable      = true
  order        = 4

  option {
    name  = "Go"
    value = "golang.go"
  }
  option {
    name  = "Python"
    value = "ms-python.python"
  }
  option {
    name  = "Terraform"
    value = "hashicorp.terraform"
  }
}

# Ephemeral: asked for at every start, not kept for the next build.
data "coder_parameter" "reset_home" {
  name         = "reset_home"
  display_name = "Reset home directory"
  type         = "bool"
  form_type    = "switch"
  default      = false
  mutable      = true
  ephemeral    = true
  order        = 5
}

resource "coder_agent" "dev" {
  os   = "linux"
  arch = "amd64"
  env = {
    DOTFILES_URL      = data.coder_parameter.dotfiles_url.value
    VSCODE_EXTENSIONS = join(",", jsondecode(data.coder_parameter.vscode_extensions.value))
  }
}

# Values arrive as strings: convert them where the compute resource needs other types.
resource "terraform_data" "workspace_host" {
  count = data.coder_workspace.me.start_count
  input = {
    region      = data.coder_parameter.region.value
    cpu_cores   = tonumber(data.coder_parameter.cpu_cores.value)
    reset_home  = tobool(data.coder_parameter.reset_home.value)
    init_script = coder_agent.dev.init_script
  }
}
