# only ${ACCESS_URL} and ${AUTH_TYPE} are replaced, every occurrence; the access URL defaults to https://mydeployment.coder.com/
#@ phase: apply
#@ expect: ok
#@ set CODER_AGENT_SCRIPT_linux_amd64 = "url=${ACCESS_URL} auth=${AUTH_TYPE} again=${ACCESS_URL}${AUTH_TYPE} arch=${ARCH} home=$HOME ${access_url}"

resource "coder_agent" "a" {
  os   = "linux"
  arch = "amd64"
}
