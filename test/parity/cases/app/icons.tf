# icons Go url.Parse accepts: builtin:, empty, paths, an unchecked query, mailto, data
#@ phase: apply
#@ expect: ok

resource "coder_app" "builtin" {
  agent_id = "agent"
  slug     = "builtin"
  icon = "builtin:vim"
}
resource "coder_app" "empty" {
  agent_id = "agent"
  slug     = "empty"
  icon = ""
}
resource "coder_app" "path" {
  agent_id = "agent"
  slug     = "path"
  icon = "/icon/region.svg"
}
resource "coder_app" "query" {
  agent_id = "agent"
  slug     = "query"
  icon = "https://example.com/i.svg?x=%zz"
}
resource "coder_app" "mailto" {
  agent_id = "agent"
  slug     = "mailto"
  icon = "mailto:someone@example.com"
}
resource "coder_app" "data" {
  agent_id = "agent"
  slug     = "data"
  icon = "data:image/svg+xml;base64,PHN2Zz4="
}
