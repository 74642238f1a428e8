# CODER_AGENT_URL with a port, path, query and fragment: ${ACCESS_URL} keeps scheme, user info, host and port, path "/"
#@ phase: apply
#@ expect: ok
#@ set CODER_AGENT_URL = "HTTPS://User:Pa%20ss@Coder.Example.COM:8443/some/path?q=1#frag"
#@ set CODER_AGENT_SCRIPT_linux_amd64 = "curl ${ACCESS_URL}bin/coder && CODER_AGENT_AUTH=${AUTH_TYPE}"

resource "coder_agent" "a" {
  os   = "linux"
  arch = "amd64"
  auth = "google-instance-identity"
}
