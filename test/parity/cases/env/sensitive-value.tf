# a value from a sensitive variable stays marked sensitive in plan and state
#@ phase: apply
#@ expect: ok

variable "token" {
  type      = string
  sensitive = true
  default   = "s3cr3t-value"
}

resource "coder_env" "e" {
  agent_id = "king"
  name     = "TOKEN"
  value    = var.token
}
