# validation blocks are written back with every field; min/max_disabled follow the config
#@ phase: apply
#@ expect: ok

data "coder_parameter" "v_min_max" {
  name    = "v_min_max"
  type    = "number"
  default = "2"
  validation {
    min = 1
    max = 5
  }
}

data "coder_parameter" "v_max_zero" {
  name    = "v_max_zero"
  type    = "number"
  default = "-1"
  validation {
    max = 0
  }
}

data "coder_parameter" "v_both_zero" {
  name    = "v_both_zero"
  type    = "number"
  default = "0"
  validation {
    min = 0
    max = 0
  }
}

data "coder_parameter" "v_empty" {
  name = "v_empty"
  validation {}
}

data "coder_parameter" "v_regex" {
  name    = "v_regex"
  default = "Über"
  validation {
    regex = "^\\p{Lu}"
    error = "e"
  }
}
