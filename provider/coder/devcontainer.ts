/**
 * coder_devcontainer: a Dev Container the agent should discover and start. The agent runs it as
 * a sub-agent whose ID is minted here, independently of the resource's own ID (Coder >= 2.21).
 */
import { obj } from '../values/value';
import { attr } from '../framework/schema';
import type { ResourceDefinition } from '../framework/resource';
import type { CoderProviderData } from './provider_data';
import { notEmpty } from './validators';
import { newId } from './ids';

export const devcontainerResource: ResourceDefinition<CoderProviderData> = {
  typeName: 'coder_devcontainer',
  schema: {
    version: 1,
    description: 'A Dev Container that the workspace agent knows about and tries to start automatically. Needs Coder v2.21 or later.',
    attributes: {
      agent_id: attr.string({ required: true, forceNew: true, description: 'The `id` of the coder_agent that manages the Dev Container.' }),
      config_path: attr.string({ optional: true, forceNew: true, description: 'Path of the devcontainer.json to use.' }),
      subagent_id: attr.string({ computed: true, description: 'ID of the sub-agent that represents this Dev Container.' }),
      workspace_folder: attr.string({
        required: true,
        forceNew: true,
        description: 'Folder in the workspace that holds the project of the Dev Container.',
        validators: [notEmpty],
      }),
    },
  },
  create(planned) {
    return { state: obj({ ...planned, id: newId(), subagent_id: newId() }) };
  },
};
