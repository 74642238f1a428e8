/**
 * data coder_external_auth: asks the workspace owner to sign in to an external service (GitHub,
 * a cloud, ...) configured in Coder under the given `id`. During a build Coder passes the token in
 * CODER_EXTERNAL_AUTH_ACCESS_TOKEN_<id>; it is sensitive.
 */
import { obj } from '../values/value';
import { attr } from '../framework/schema';
import { errorDiag } from '../framework/diagnostics';
import type { DataSourceDefinition } from '../framework/resource';
import type { CoderProviderData } from './provider_data';
import { optionalEnv } from './env_helpers';

/** The variable carrying the access token; the id is used as written. */
export const externalAuthEnvVar = (id: string): string => `CODER_EXTERNAL_AUTH_ACCESS_TOKEN_${id}`;

export const externalAuthDataSource: DataSourceDefinition<CoderProviderData> = {
  typeName: 'coder_external_auth',
  schema: {
    version: 1,
    description: 'Requires the workspace owner to authenticate with an external service configured in Coder.',
    attributes: {
      access_token: attr.string({ computed: true, sensitive: true, description: 'Token from the external service; empty outside a build.' }),
      id: attr.string({ required: true, description: 'ID of the external auth provider as configured in the Coder deployment.' }),
      optional: attr.bool({ optional: true, description: 'Whether the owner may skip authenticating.' }),
    },
  },
  read(config, ctx) {
    const id = typeof config.id === 'string' ? config.id : '';
    if (id === '') return { state: null, diagnostics: [errorDiag('id is required')] };
    return { state: obj({ id, access_token: optionalEnv(ctx.env, externalAuthEnvVar(id)) }) };
  },
};
