# icon that Go url.Parse rejects
#@ phase: validate
#@ expect: error

data "coder_parameter" "a" {
  name = "a"
  icon = "/icon%.svg"
}
