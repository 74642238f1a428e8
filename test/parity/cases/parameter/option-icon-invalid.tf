# an option icon that Go url.Parse rejects
#@ phase: validate
#@ expect: error

data "coder_parameter" "a" {
  name = "a"
  option {
    name  = "1"
    value = "1"
    icon  = "/icon%.svg"
  }
}
