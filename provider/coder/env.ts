/**
 * coder_env: one environment variable for an agent. The usual way a template hands a workspace a
 * secret (an API key minted by another provider, a user secret from coder_secret): mark the
 * source sensitive and Terraform keeps the value out of plan output.
 */
import { obj } from '../values/value';
import { attr } from '../framework/schema';
import type { ResourceDefinition } from '../framework/resource';
import type { CoderProviderData } from './provider_data';
import { oneOf, stringMatch } from './validators';
import { newId } from './ids';

export const ENV_NAME_RE = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

export const envResource: ResourceDefinition<CoderProviderData> = {
  typeName: 'coder_env',
  schema: {
    version: 1,
    description: 'Sets an environment variable for the processes of a workspace agent.',
    attributes: {
      agent_id: attr.string({ required: true, forceNew: true, description: 'The `id` of the coder_agent that receives the variable.' }),
      merge_strategy: attr.string({
        optional: true,
        forceNew: true,
        default: 'replace',
        description: 'What to do when another coder_env sets the same name: replace, append, prepend (joined with ":") or error.',
        validators: [oneOf(['replace', 'append', 'prepend', 'error'])],
      }),
      name: attr.string({
        required: true,
        forceNew: true,
        description: 'Name of the variable.',
        validators: [stringMatch(ENV_NAME_RE, 'must be a valid environment variable name')],
      }),
      value: attr.string({ optional: true, forceNew: true, description: 'Value of the variable.' }),
    },
  },
  create(planned) {
    return { state: obj({ ...planned, id: newId() }) };
  },
};
