/**
 * coder_agent_instance: ties a cloud instance ID to a coder_agent, so an agent using one of the
 * `*-instance-identity` auth types can prove which agent it is. Coder does this by itself for the
 * common VM resources of GCP, AWS and Azure; this resource covers everything else.
 * Schema version 0 (the only Coder resource that never moved to 1).
 */
import { obj } from '../values/value';
import { attr } from '../framework/schema';
import type { ResourceDefinition } from '../framework/resource';
import type { CoderProviderData } from './provider_data';
import { newId } from './ids';

export const agentInstanceResource: ResourceDefinition<CoderProviderData> = {
  typeName: 'coder_agent_instance',
  schema: {
    version: 0,
    description:
      'Maps the instance ID of a compute resource to a coder_agent for instance-identity authentication. Not needed for google_compute_instance, aws_instance and the azurerm virtual machines, which Coder maps on its own.',
    attributes: {
      agent_id: attr.string({ required: true, forceNew: true, description: 'The `id` of the coder_agent running on the instance.' }),
      instance_id: attr.string({ required: true, forceNew: true, description: 'The identifier the cloud gave the instance.' }),
    },
  },
  create(planned) {
    return { state: obj({ ...planned, id: newId() }) };
  },
};
