# The agent authenticates with the cloud instance's identity document instead of a token. Coder
# maps aws_instance, google_compute_instance and the azurerm virtual machines to their agent on
# its own; any other compute resource (here a spot request) needs a coder_agent_instance.
resource "coder_agent" "dev" {
  os   = "linux"
  arch = "amd64"
  auth = "aws-instance-identity"
}

# In a real template:
#
#   resource "aws_spot_instance_request" "dev" {
#     ami           = data.aws_ami.ubuntu.id
#     instance_type = "t3.large"
#     user_data     = coder_agent.dev.init_script
#   }
#
# terraform_data stands in for it so the example runs without a cloud account.
resource "terraform_data" "spot_instance" {
  input = {
    user_data = coder_agent.dev.init_script
  }
}

resource "coder_agent_instance" "dev" {
  agent_id = coder_agent.dev.id
  # With AWS: aws_spot_instance_request.dev.spot_instance_id
  instance_id = terraform_data.spot_instance.id
}
