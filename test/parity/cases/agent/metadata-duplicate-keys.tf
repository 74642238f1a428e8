# two metadata blocks with one key (TestAgent_MetadataDuplicateKeys)
#@ phase: plan
#@ expect: error

resource "coder_agent" "a" {
  os   = "linux"
  arch = "amd64"
  metadata {
    key          = "process_count"
    display_name = "Process Count"
    script       = "ps aux | wc -l"
    interval     = 5
    timeout      = 1
  }
  metadata {
    key          = "process_count"
    display_name = "Process Count"
    script       = "ps aux | wc -l"
    interval     = 5
    timeout      = 1
  }
}
