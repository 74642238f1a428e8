# an input lower than the previous value
#@ phase: plan
#@ expect: error
#@ param "mono" = "3"
#@ previous "mono" = "4"

data "coder_parameter" "a" {
  name    = "mono"
  type    = "number"
  default = "1"
  mutable = true
  validation {
    monotonic = "increasing"
  }
}
