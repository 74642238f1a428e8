terraform {
  required_providers {
    coder = { source = "coder/coder" }
  }
}

data "coder_workspace" "me" {}
data "coder_workspace_owner" "me" {}

data "coder_parameter" "size" {
  name         = "size"
  display_name = "VM size"
  default      = "medium"
  mutable      = true
  option {
    name  = "Medium"
    value = "medium"
  }
  option {
    name  = "Large"
    value = "large"
  }
}

resource "coder_agent" "win" {
  os   = "windows"
  arch = "amd64"
  auth = "token"
  env = {
    USERNAME = data.coder_workspace_owner.me.name
  }
}

resource "coder_script" "rdp" {
  agent_id     = coder_agent.win.id
  display_name = "Enable RDP"
  icon         = "/icon/rdp.svg"
  run_on_start = true
  script       = "Set-ItemProperty -Path 'HKLM:\\System\\CurrentControlSet\\Control\\Terminal Server' -Name fDenyTSConnections -Value 0"
}

resource "coder_app" "rdp_web" {
  agent_id     = coder_agent.win.id
  slug         = "web-rdp"
  display_name = "Web RDP"
  url          = "http://localhost:7171"
}

resource "terraform_data" "vm" {
  count = data.coder_workspace.me.start_count
  input = {
    size        = data.coder_parameter.size.value
    user_data   = coder_agent.win.init_script
    agent_token = coder_agent.win.token
  }
}

resource "coder_metadata" "vm" {
  count       = data.coder_workspace.me.start_count
  resource_id = terraform_data.vm[0].id
  item {
    key   = "size"
    value = data.coder_parameter.size.value
  }
}
