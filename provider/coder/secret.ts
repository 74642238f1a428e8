/**
 * data coder_secret: declares that the workspace needs one of the owner's secrets, matched by an
 * environment variable name or a file path. Coder supplies the value at plan time of start builds
 * (CODER_SECRET_ENV_<name> / CODER_SECRET_FILE_<hex of path>); the value is sensitive.
 */
import { obj } from '../values/value';
import { attr } from '../framework/schema';
import { errorDiag } from '../framework/diagnostics';
import type { DataSourceDefinition } from '../framework/resource';
import { goQuote } from '../framework/go/quote';
import type { CoderProviderData } from './provider_data';
import { check } from './validators';
import { ENV_NAME_RE } from './env';
import { isWorkspaceBuild, optionalEnv } from './env_helpers';

export const secretEnvVar = (name: string): string => `CODER_SECRET_ENV_${name}`;
export const secretFileVar = (path: string): string => `CODER_SECRET_FILE_${Buffer.from(path, 'utf8').toString('hex')}`;

export const secretDataSource: DataSourceDefinition<CoderProviderData> = {
  typeName: 'coder_secret',
  schema: {
    version: 1,
    description: "Requires one of the workspace owner's secrets, by environment variable name or by file path.",
    attributes: {
      env: attr.string({
        optional: true,
        description: 'Environment variable name the secret is exposed as. Exactly one of `env` and `file` must be set.',
        validators: [
          check(
            (s) => s === '' || ENV_NAME_RE.test(s),
            (s) => `\`env\` must be a POSIX-compliant identifier matching "^[a-zA-Z_][a-zA-Z0-9_]*$"; got ${goQuote(s)}`,
          ),
        ],
      }),
      file: attr.string({
        optional: true,
        description: 'File path the secret is written to (absolute or under ~/). Exactly one of `env` and `file` must be set.',
        validators: [check((s) => s === '' || s.startsWith('/') || s.startsWith('~/'), (s) => `\`file\` must start with \`/\` or \`~/\`; got ${goQuote(s)}`)],
      }),
      help_message: attr.string({ required: true, description: 'Shown to the owner when the secret is missing.' }),
      value: attr.string({ computed: true, sensitive: true, description: 'The secret value; empty outside start builds.' }),
    },
  },
  read(config, ctx) {
    const env = typeof config.env === 'string' ? config.env : '';
    const file = typeof config.file === 'string' ? config.file : '';
    if ((env === '') === (file === '')) return { state: null, diagnostics: [errorDiag('exactly one of `env` or `file` must be set')] };

    const id = env !== '' ? `env:${env}` : `file:${file}`;
    const value = optionalEnv(ctx.env, env !== '' ? secretEnvVar(env) : secretFileVar(file));
    // Only a real start build must have the secret; stop and delete builds and local plans never fail.
    if (value === '' && isWorkspaceBuild(ctx.env) && ctx.env('CODER_WORKSPACE_TRANSITION') === 'start') {
      const requirement = env !== '' ? `environment variable ${goQuote(env)}` : `file ${goQuote(file)}`;
      const help = typeof config.help_message === 'string' && config.help_message !== '' ? `Help message: ${config.help_message}\n\n` : '';
      return {
        state: null,
        diagnostics: [errorDiag(`Missing required secret: ${requirement}`, `Required: ${requirement}\n\n${help}To resolve: ensure a secret exposes the ${requirement}.\n`)],
      };
    }
    return { state: obj({ id, value }) };
  },
};
