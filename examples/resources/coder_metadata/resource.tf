resource "coder_agent" "dev" {
  os   = "linux"
  arch = "amd64"
}

resource "terraform_data" "disk" {
  input = "home-volume"
}

resource "coder_metadata" "disk" {
  resource_id = terraform_data.disk.id
  icon        = "/icon/database.svg"
  daily_cost  = 20

  item {
    key   = "size"
    value = "50 GiB"
  }
  item {
    # Hidden in the dashboard until someone clicks to reveal it.
    key       = "admin password"
    value     = "not-a-real-password"
    sensitive = true
  }
  item {
    key = "region"
    # A null value is recorded with is_null = true.
  }
}
