# neither env nor file (empty strings count as unset)
#@ phase: plan
#@ expect: error

data "coder_secret" "none" {
  help_message = "h"
}

data "coder_secret" "empty" {
  env          = ""
  file         = ""
  help_message = "h"
}
