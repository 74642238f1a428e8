# tags, no tags, an empty map
#@ phase: apply
#@ expect: ok

data "coder_workspace_tags" "tags" {
  tags = {
    cluster = "dev"
    region  = "us"
  }
}

data "coder_workspace_tags" "none" {}

data "coder_workspace_tags" "empty" {
  tags = {}
}
