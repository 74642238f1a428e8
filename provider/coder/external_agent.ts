/**
 * coder_external_agent: marks a coder_agent as running outside the template's own compute (the
 * user starts it by hand on a machine of their choice). Coder serves it with a Premium license
 * only; the provider just records the association.
 */
import { obj } from '../values/value';
import { attr } from '../framework/schema';
import type { ResourceDefinition } from '../framework/resource';
import type { CoderProviderData } from './provider_data';
import { newId } from './ids';

export const externalAgentResource: ResourceDefinition<CoderProviderData> = {
  typeName: 'coder_external_agent',
  schema: {
    version: 1,
    description: 'Declares that a workspace agent runs outside the template, started by the user. Requires a Premium Coder license.',
    attributes: {
      agent_id: attr.string({ required: true, forceNew: true, description: 'The `id` of the coder_agent that runs externally.' }),
    },
  },
  create(planned) {
    return { state: obj({ ...planned, id: newId() }) };
  },
};
