/**
 * data coder_workspace: the workspace being built, from the variables Coder's provisioner sets.
 */
import { obj } from '../values/value';
import { attr } from '../framework/schema';
import { errorDiag } from '../framework/diagnostics';
import type { DataSourceDefinition } from '../framework/resource';
import { goQuote } from '../framework/go/quote';
import { goUrlPort, goUrlString, parseGoUrl } from '../framework/go/url';
import type { CoderProviderData } from './provider_data';
import { optionalEnvOr, requireEnv } from './env_helpers';
import { newId } from './ids';

const computedString = (description: string) => attr.string({ computed: true, description });

export const workspaceDataSource: DataSourceDefinition<CoderProviderData> = {
  typeName: 'coder_workspace',
  schema: {
    version: 1,
    description: 'Information about the workspace being built.',
    attributes: {
      access_port: attr.int({ computed: true, description: 'Port of the deployment URL (443 for https, else 80, when not given).' }),
      access_url: computedString('The deployment URL.'),
      id: computedString('ID of the workspace.'),
      is_prebuild: attr.bool({ computed: true, description: 'True while the workspace is an unclaimed prebuild.' }),
      is_prebuild_claim: attr.bool({ computed: true, description: 'True on the build that hands a prebuild to its new owner.' }),
      name: computedString('Name of the workspace.'),
      prebuild_count: attr.int({ computed: true, description: '1 while the workspace is an unclaimed prebuild, else 0.' }),
      start_count: attr.int({ computed: true, description: '1 when the build starts the workspace, else 0; handy for `count`.' }),
      template_id: computedString('ID of the template.'),
      template_name: computedString('Name of the template.'),
      template_version: computedString('Name of the template version.'),
      transition: computedString('The build transition: start, stop or delete.'),
    },
  },
  read(_config, ctx) {
    const env = ctx.env;
    const transition = optionalEnvOr(env, 'CODER_WORKSPACE_TRANSITION', 'start');
    const isTrue = (name: string) => (env(name) ?? '').toLowerCase() === 'true';
    const claim = isTrue('CODER_WORKSPACE_IS_PREBUILD_CLAIM');
    const prebuild = !claim && isTrue('CODER_WORKSPACE_IS_PREBUILD');

    const template: Record<string, string> = {};
    for (const [field, name, label] of [
      ['template_id', 'CODER_WORKSPACE_TEMPLATE_ID', 'template ID'],
      ['template_name', 'CODER_WORKSPACE_TEMPLATE_NAME', 'template name'],
      ['template_version', 'CODER_WORKSPACE_TEMPLATE_VERSION', 'template version'],
    ] as const) {
      const r = requireEnv(env, name);
      if (r.error) return { state: null, diagnostics: [errorDiag(`${label} is missing: ${r.error}`)] };
      template[field] = r.value;
    }

    const parsed = parseGoUrl(ctx.provider.accessUrl);
    if (!parsed.ok) return { state: null, diagnostics: [errorDiag(parsed.error)] };
    const portText = goUrlPort(parsed.url);
    let port: number;
    if (portText === '') port = parsed.url.scheme === 'https' ? 443 : 80;
    else if (/^[+-]?\d+$/.test(portText) && Number.isSafeInteger(Number(portText))) port = Number(portText);
    else return { state: null, diagnostics: [errorDiag(`couldn't parse port ${goQuote(portText)}`)] };

    return {
      state: obj({
        id: optionalEnvOr(env, 'CODER_WORKSPACE_ID', newId()),
        access_url: goUrlString(parsed.url),
        access_port: port,
        transition,
        start_count: transition === 'start' ? 1 : 0,
        is_prebuild: prebuild,
        prebuild_count: prebuild ? 1 : 0,
        is_prebuild_claim: claim,
        name: optionalEnvOr(env, 'CODER_WORKSPACE_NAME', 'default'),
        ...template,
      }),
    };
  },
};
