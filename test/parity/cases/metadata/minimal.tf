# resource_id only: hide, icon, daily_cost null, no items
#@ phase: apply
#@ expect: ok

resource "coder_metadata" "m" {
  resource_id = "r"
}
