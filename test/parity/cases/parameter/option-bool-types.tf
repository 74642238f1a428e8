# bool options that are not bools: one error per option, a duplicate of a bad one not flagged
#@ phase: plan
#@ expect: error

data "coder_parameter" "a" {
  name = "bad_types"
  type = "bool"
  option {
    name  = "1"
    value = "1"
  }
  option {
    name  = "2"
    value = "2"
  }
  option {
    name  = "3"
    value = "yes"
  }
  option {
    name  = "3"
    value = "no"
  }
}
