# number defaults ParseFloat accepts: underscores between digits, a hex float, infinity
#@ phase: apply
#@ expect: ok

data "coder_parameter" "a" {
  name    = "a"
  type    = "number"
  default = "1_000"
}

data "coder_parameter" "b" {
  name    = "b"
  type    = "number"
  default = "0x1p-2"
}

data "coder_parameter" "c" {
  name    = "c"
  type    = "number"
  default = "-Inf"
}
