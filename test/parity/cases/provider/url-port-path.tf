# url with upper case, user info, port, path, query and fragment: access_url, access_port and ${ACCESS_URL}
#@ phase: apply
#@ expect: ok
#@ env: build

provider "coder" {
  url = "HTTPS://user:pass@Example.COM:8443/some/path/?q=1#frag"
}

data "coder_workspace" "me" {}

resource "coder_agent" "dev" {
  os   = "linux"
  arch = "amd64"
}
