/**
 * coder_agent: declares a workspace agent and hands the compute resource the agent's token and
 * bootstrap script. The token is the first secret of every workspace: it is sensitive and never
 * logged; a prebuilt workspace keeps its running agent's token (CODER_RUNNING_WORKSPACE_AGENT_TOKEN_*).
 */
import { createHash } from 'node:crypto';
import { Unknown, obj, type ObjectValue, type Value } from '../values/value';
import { attr, block } from '../framework/schema';
import type { Diagnostic } from '../framework/diagnostics';
import { errorDiag } from '../framework/diagnostics';
import type { Context, ResourceDefinition } from '../framework/resource';
import { goQuote } from '../framework/go/quote';
import { parseGoUrl, resolveRoot } from '../framework/go/url';
import type { CoderProviderData } from './provider_data';
import { check, intAtLeast, intBetween, oneOf, warnDirNotHome } from './validators';
import { newId } from './ids';

export const DISPLAY_APPS_DEFAULT: ObjectValue = obj({
  port_forwarding_helper: true,
  ssh_helper: true,
  vscode: true,
  vscode_insiders: false,
  web_terminal: true,
});

/**
 * The prebuild token variable. Its suffix is the hex SHA-256 of the agent ID the Go provider
 * passes, which is always "" (so the suffix is fixed); we keep the derivation, not a literal.
 */
export const runningAgentTokenEnv = (agentId = ''): string =>
  `CODER_RUNNING_WORKSPACE_AGENT_TOKEN_${createHash('sha256').update(agentId).digest('hex')}`;

const threshold = attr.int({ required: true, forceNew: true, description: 'Usage percentage (0-100) at which an alert fires.', validators: [intBetween(0, 100)] });
const enabled = attr.bool({ required: true, forceNew: true, description: 'Whether this monitor is active.' });

export const agentResource: ResourceDefinition<CoderProviderData> = {
  typeName: 'coder_agent',
  schema: {
    version: 1,
    description:
      'Declares a Coder workspace agent. Run its `init_script` on the compute resource, with its `token` in CODER_AGENT_TOKEN when `auth` is "token".',
    attributes: {
      api_key_scope: attr.string({
        optional: true,
        forceNew: true,
        default: 'all',
        description: 'Scope of the agent token: "all", or "no_user_data" to keep the agent away from user data such as external auth and Git SSH keys.',
        validators: [oneOf(['all', 'no_user_data'])],
      }),
      arch: attr.string({ required: true, forceNew: true, description: 'CPU architecture of the agent host: amd64, armv7 or arm64.', validators: [oneOf(['amd64', 'armv7', 'arm64'])] }),
      auth: attr.string({
        optional: true,
        forceNew: true,
        default: 'token',
        description: 'How the agent authenticates: "token", or a cloud instance identity.',
        validators: [oneOf(['token', 'google-instance-identity', 'aws-instance-identity', 'azure-instance-identity'])],
      }),
      connection_timeout: attr.int({
        optional: true,
        forceNew: true,
        default: 120,
        description: 'Seconds before an agent that has not connected is marked unhealthy; 0 disables the timeout.',
        validators: [intAtLeast(0)],
      }),
      dir: attr.string({
        optional: true,
        forceNew: true,
        deprecated: 'dir has been deprecated and will be removed in a future release.',
        description: 'Starting directory of SSH sessions (deprecated; the home directory is used).',
        validators: [warnDirNotHome],
      }),
      env: attr.stringMap({ optional: true, forceNew: true, description: 'Environment variables set for every process the agent starts.' }),
      init_script: attr.string({ computed: true, description: 'The script that downloads and starts the agent on the compute resource.' }),
      motd_file: attr.string({ optional: true, forceNew: true, description: 'Path of a message-of-the-day file shown on SSH login.' }),
      order: attr.int({ optional: true, forceNew: true, description: 'Position of the agent in the dashboard, lowest first.' }),
      os: attr.string({ required: true, forceNew: true, description: 'Operating system of the agent host: linux, darwin or windows.', validators: [oneOf(['linux', 'darwin', 'windows'])] }),
      shutdown_script: attr.string({ optional: true, forceNew: true, description: 'Script run when the workspace stops.' }),
      startup_script: attr.string({ optional: true, forceNew: true, description: 'Script run when the agent starts.' }),
      startup_script_behavior: attr.string({
        optional: true,
        forceNew: true,
        default: 'non-blocking',
        description: 'Whether logins wait for the startup script: "blocking" or "non-blocking".',
        validators: [oneOf(['blocking', 'non-blocking'])],
      }),
      token: attr.string({ computed: true, sensitive: true, forceNew: true, description: 'Secret the agent authenticates with when `auth` is "token".' }),
      troubleshooting_url: attr.string({ optional: true, forceNew: true, description: 'Link shown when the agent has trouble connecting.' }),
    },
    blocks: {
      metadata: block.list({
        forceNew: true,
        description: 'Values the agent collects by running a script on an interval and shows in the dashboard.',
        attributes: {
          display_name: attr.string({ optional: true, forceNew: true, description: 'Label shown in the dashboard.' }),
          interval: attr.int({ required: true, forceNew: true, description: 'Seconds between runs.' }),
          key: attr.string({ required: true, forceNew: true, description: 'Unique key of this item.' }),
          order: attr.int({ optional: true, forceNew: true, description: 'Position among the agent metadata, lowest first.' }),
          script: attr.string({ required: true, forceNew: true, description: 'Script whose output is the value.' }),
          timeout: attr.int({ optional: true, forceNew: true, description: 'Seconds the script may run.' }),
        },
      }),
      display_apps: block.set({
        maxItems: 1,
        computed: true,
        forceNew: true,
        description: 'Which built-in apps the dashboard shows for this agent.',
        attributes: {
          port_forwarding_helper: attr.bool({ optional: true, forceNew: true, default: true, description: 'Show the port forwarding helper.' }),
          ssh_helper: attr.bool({ optional: true, forceNew: true, default: true, description: 'Show the SSH helper.' }),
          vscode: attr.bool({ optional: true, forceNew: true, default: true, description: 'Show VS Code Desktop.' }),
          vscode_insiders: attr.bool({ optional: true, forceNew: true, default: false, description: 'Show VS Code Insiders.' }),
          web_terminal: attr.bool({ optional: true, forceNew: true, default: true, description: 'Show the web terminal.' }),
        },
      }),
      resources_monitoring: block.set({
        maxItems: 1,
        forceNew: true,
        description: 'Alerts on memory and volume usage of the agent host.',
        attributes: {},
        blocks: {
          memory: block.set({ maxItems: 1, forceNew: true, description: 'Memory usage monitor.', attributes: { enabled, threshold } }),
          volume: block.set({
            forceNew: true,
            description: 'Disk usage monitor for one volume.',
            attributes: {
              enabled,
              path: attr.string({
                required: true,
                forceNew: true,
                description: 'Absolute path of the volume.',
                validators: [check((s) => s !== '', () => 'volume path must not be empty'), check((s) => s === '' || s.startsWith('/'), () => 'volume path must be an absolute path')],
              }),
              threshold,
            },
          }),
        },
      }),
    },
  },

  customizeDiff(planned, changed) {
    const diags: Diagnostic[] = [];
    if (changed.has('metadata')) {
      const seen = new Set<string>();
      for (const item of asList(planned.metadata)) {
        const key = stringOf((item as ObjectValue).key);
        if (seen.has(key)) {
          diags.push(errorDiag(`duplicate agent metadata key ${goQuote(key)}`));
          break;
        }
        seen.add(key);
      }
    }
    if (changed.has('resources_monitoring') && !(planned.resources_monitoring instanceof Unknown)) {
      const rm = asList(planned.resources_monitoring);
      if (rm.length === 0) {
        diags.push(errorDiag('developer error: resources_monitoring cannot be empty'));
      } else {
        // The framework hands over a nil element where the SDK's diff reader would see one: a
        // `resources_monitoring {}` planned over a state that already holds the block.
        const monitor = rm[0];
        if (monitor === null || monitor === undefined) {
          diags.push(errorDiag('resources_monitoring must define at least one monitor'));
        } else {
          const volumes = asList((monitor as ObjectValue).volume);
          const seen = new Set<string>();
          for (const v of volumes) {
            const path = stringOf((v as ObjectValue).path);
            if (seen.has(path)) {
              diags.push(errorDiag(`duplicate volume path ${goQuote(path)}`));
              break;
            }
            seen.add(path);
          }
        }
      }
    }
    return diags;
  },

  create(planned, ctx) {
    const state = obj(Object.entries(planned));
    state.id = newId();
    state.token = agentToken(ctx);
    if (!(asList(state.display_apps).length > 0)) state.display_apps = [DISPLAY_APPS_DEFAULT];
    state.init_script = initScript(state, ctx);
    return { state };
  },

  read(prior, ctx) {
    const state = obj(Object.entries(prior));
    // The Go provider mints a fresh token on every refresh unless Coder hands it the running
    // agent's token; computed-only, so it never shows as a diff.
    state.token = agentToken(ctx);
    if (!(asList(state.display_apps).length > 0)) state.display_apps = [DISPLAY_APPS_DEFAULT];
    state.init_script = initScript(state, ctx);
    return { state };
  },
};

const asList = (v: Value | undefined): Value[] => (Array.isArray(v) ? v : []);
const stringOf = (v: Value | undefined): string => (typeof v === 'string' ? v : '');

function agentToken(ctx: Context<CoderProviderData>): string {
  const provided = ctx.env(runningAgentTokenEnv());
  if (provided) {
    ctx.logger.info('using provided agent token for prebuild');
    return provided;
  }
  return newId();
}

/**
 * CODER_AGENT_SCRIPT_<os>_<arch> with ${ACCESS_URL} (the deployment URL's root, Go-resolved so
 * host and port stay exactly as written, always ending in "/") and ${AUTH_TYPE} substituted.
 */
export function initScript(state: ObjectValue, ctx: Context<CoderProviderData>): string {
  const script = ctx.env(`CODER_AGENT_SCRIPT_${stringOf(state.os)}_${stringOf(state.arch)}`) ?? '';
  if (script === '') return '';
  const parsed = parseGoUrl(ctx.provider.accessUrl);
  const accessUrl = parsed.ok ? resolveRoot(parsed.url) : '/';
  return script.split('${ACCESS_URL}').join(accessUrl).split('${AUTH_TYPE}').join(stringOf(state.auth));
}
