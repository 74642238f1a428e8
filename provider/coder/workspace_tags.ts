/**
 * data coder_workspace_tags: key/value tags Coder uses to pick a provisioner for the workspace's
 * builds. Nothing is computed but a fresh random ID; `tags` is echoed from the config.
 */
import { obj } from '../values/value';
import { attr } from '../framework/schema';
import type { DataSourceDefinition } from '../framework/resource';
import type { CoderProviderData } from './provider_data';
import { newId } from './ids';

export const workspaceTagsDataSource: DataSourceDefinition<CoderProviderData> = {
  typeName: 'coder_workspace_tags',
  schema: {
    version: 1,
    description: 'Tags that select which provisioners may run the workspace builds.',
    attributes: {
      tags: attr.stringMap({ optional: true, forceNew: true, description: 'Tag names and values.' }),
    },
  },
  read() {
    return { state: obj({ id: newId() }) };
  },
};
