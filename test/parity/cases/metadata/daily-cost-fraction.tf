# daily_cost given a fraction
#@ phase: validate
#@ expect: error

resource "coder_metadata" "m" {
  resource_id = "r"
  daily_cost  = 0.5
}
