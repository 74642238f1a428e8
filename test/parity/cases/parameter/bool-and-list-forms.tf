# loose bools and JSON lists: "T", null list, null elements, surrounding spaces
#@ phase: apply
#@ expect: ok

data "coder_parameter" "a" {
  name    = "a"
  type    = "bool"
  default = "T"
}

data "coder_parameter" "b" {
  name    = "b"
  type    = "list(string)"
  default = "null"
}

data "coder_parameter" "c" {
  name    = "c"
  type    = "list(string)"
  default = " [\"a\", null] "
}
