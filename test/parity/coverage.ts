/**
 * What the corpus must cover, checked against the reference outcomes (the Go provider's, or ours
 * where accepted.ts makes ours the only runner):
 *  - every CODER_* variable the provider reads is set (or unset) explicitly by some case;
 *  - every message of the provider's own validators and checks shows up in some case's diagnostics;
 *  - every schema default is seen in state by some case that leaves the attribute out.
 * Messages produced by tofu itself (missing or unknown arguments, block counts) are not listed:
 * they do not come from the provider, though many cases produce them too.
 */
import type { Json } from '../e2e/harness';
import type { Case } from './corpus';
import type { Verdict } from './judge';
import { STEPS, type CaseView } from './runner';

/** Env vars the provider reads (coder-resources.md §3, coder-data-sources.md §4). */
export const ENV_VARS: readonly (readonly [string, RegExp])[] = [
  ['CODER_AGENT_URL', /^CODER_AGENT_URL$/],
  ['CODER_AGENT_SCRIPT_<os>_<arch>', /^CODER_AGENT_SCRIPT_[a-z]+_[a-z0-9]+$/],
  ['CODER_RUNNING_WORKSPACE_AGENT_TOKEN_<sha256("")>', /^CODER_RUNNING_WORKSPACE_AGENT_TOKEN_e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855$/],
  ['CODER_TASK_ID', /^CODER_TASK_ID$/],
  ['CODER_TASK_PROMPT', /^CODER_TASK_PROMPT$/],
  ['CODER_WORKSPACE_TRANSITION', /^CODER_WORKSPACE_TRANSITION$/],
  ['CODER_WORKSPACE_NAME', /^CODER_WORKSPACE_NAME$/],
  ['CODER_WORKSPACE_ID', /^CODER_WORKSPACE_ID$/],
  ['CODER_WORKSPACE_BUILD_ID', /^CODER_WORKSPACE_BUILD_ID$/],
  ['CODER_WORKSPACE_TEMPLATE_ID', /^CODER_WORKSPACE_TEMPLATE_ID$/],
  ['CODER_WORKSPACE_TEMPLATE_NAME', /^CODER_WORKSPACE_TEMPLATE_NAME$/],
  ['CODER_WORKSPACE_TEMPLATE_VERSION', /^CODER_WORKSPACE_TEMPLATE_VERSION$/],
  ['CODER_WORKSPACE_IS_PREBUILD', /^CODER_WORKSPACE_IS_PREBUILD$/],
  ['CODER_WORKSPACE_IS_PREBUILD_CLAIM', /^CODER_WORKSPACE_IS_PREBUILD_CLAIM$/],
  ['CODER_WORKSPACE_OWNER', /^CODER_WORKSPACE_OWNER$/],
  ['CODER_WORKSPACE_OWNER_ID', /^CODER_WORKSPACE_OWNER_ID$/],
  ['CODER_WORKSPACE_OWNER_NAME', /^CODER_WORKSPACE_OWNER_NAME$/],
  ['CODER_WORKSPACE_OWNER_EMAIL', /^CODER_WORKSPACE_OWNER_EMAIL$/],
  ['CODER_WORKSPACE_OWNER_SSH_PUBLIC_KEY', /^CODER_WORKSPACE_OWNER_SSH_PUBLIC_KEY$/],
  ['CODER_WORKSPACE_OWNER_SSH_PRIVATE_KEY', /^CODER_WORKSPACE_OWNER_SSH_PRIVATE_KEY$/],
  ['CODER_WORKSPACE_OWNER_GROUPS', /^CODER_WORKSPACE_OWNER_GROUPS$/],
  ['CODER_WORKSPACE_OWNER_SESSION_TOKEN', /^CODER_WORKSPACE_OWNER_SESSION_TOKEN$/],
  ['CODER_WORKSPACE_OWNER_OIDC_ACCESS_TOKEN', /^CODER_WORKSPACE_OWNER_OIDC_ACCESS_TOKEN$/],
  ['CODER_WORKSPACE_OWNER_LOGIN_TYPE', /^CODER_WORKSPACE_OWNER_LOGIN_TYPE$/],
  ['CODER_WORKSPACE_OWNER_RBAC_ROLES', /^CODER_WORKSPACE_OWNER_RBAC_ROLES$/],
  ['CODER_EXTERNAL_AUTH_ACCESS_TOKEN_<id>', /^CODER_EXTERNAL_AUTH_ACCESS_TOKEN_.+$/],
  ['CODER_PARAMETER_<sha256(name)>', /^CODER_PARAMETER_[0-9a-f]{64}$/],
  ['CODER_PARAMETER_PREVIOUS_<sha256(name)>', /^CODER_PARAMETER_PREVIOUS_[0-9a-f]{64}$/],
  ['CODER_SECRET_ENV_<name>', /^CODER_SECRET_ENV_.+$/],
  ['CODER_SECRET_FILE_<hex(path)>', /^CODER_SECRET_FILE_[0-9a-f]+$/],
];

/** Messages of the provider's validators and checks; each must appear in some reference diagnostic. */
export const MESSAGES: readonly RegExp[] = [
  // provider block
  /^parse ".*": missing '\]' in host$/,
  /^parse ".*": invalid character " " in host name$/,
  /^CODER_AGENT_URL must not be empty; got ""$/,
  // coder_agent
  /^expected os to be one of \["linux" "darwin" "windows"\], got /,
  /^expected arch to be one of \["amd64" "armv7" "arm64"\], got /,
  /^expected auth to be one of /,
  /^expected api_key_scope to be one of \["all" "no_user_data"\], got /,
  /^expected startup_script_behavior to be one of /,
  /^expected connection_timeout to be at least \(0\), got -/,
  /^expected resources_monitoring\.0\.memory\.0\.threshold to be in the range \(0 - 100\), got /,
  /^expected resources_monitoring\.0\.volume\.\d+\.threshold to be in the range \(0 - 100\), got /,
  /^volume path must not be empty$/,
  /^volume path must be an absolute path$/,
  /^duplicate agent metadata key "/,
  /^resources_monitoring must define at least one monitor$/,
  /^developer error: resources_monitoring cannot be empty$/,
  /^duplicate volume path "/,
  /^Argument is deprecated \/ dir has been deprecated/,
  /^"dir" is deprecated and will be removed in a future release\.$/,
  /^Setting "dir" to a value other than \$HOME will break Coder Desktop file sync\.$/,
  // coder_app
  /^invalid "coder_app" slug, must be a valid hostname/,
  /^display name is too long \(max 64 characters\)$/,
  /^group name is too long \(max 64 characters\)$/,
  /^tooltip is too long \(max 2048 characters\)$/,
  /^parse "\/icon%\.svg": invalid URL escape "%\.s"$/,
  /^invalid app share "/,
  /^invalid "coder_app" open_in value, must be one of "tab", "slim-window": /,
  /^Conflicting configuration arguments \/ "command": conflicts with url$/,
  /^Conflicting configuration arguments \/ "command": conflicts with subdomain$/,
  /^Conflicting configuration arguments \/ "url": conflicts with command$/,
  /^Conflicting configuration arguments \/ "healthcheck": conflicts with command$/,
  /^Conflicting configuration arguments \/ "external": conflicts with healthcheck$/,
  /^Conflicting configuration arguments \/ "external": conflicts with command$/,
  /^Conflicting configuration arguments \/ "external": conflicts with subdomain$/,
  /^Conflicting configuration arguments \/ "external": conflicts with share$/,
  /^`display_name` set when app is hidden$/,
  /^`icon` set when app is hidden$/,
  /^`order` set when app is hidden$/,
  // coder_script
  /^expected timeout to be at least \(1\), got /,
  /is not a valid cron expression: empty spec string$/,
  /is not a valid cron expression: expected 5 to 6 fields, found \d+/,
  /is not a valid cron expression: negative number/,
  /is not a valid cron expression: too many hyphens/,
  /is not a valid cron expression: too many slashes/,
  /is not a valid cron expression: beginning of range \(\d+\) below minimum/,
  /is not a valid cron expression: end of range \(\d+\) above maximum/,
  /is not a valid cron expression: beginning of range \(\d+\) beyond end of range/,
  /is not a valid cron expression: step of range should be a positive number/,
  /is not a valid cron expression: unrecognized descriptor/,
  /is not a valid cron expression: failed to parse duration/,
  /is not a valid cron expression: provided bad location/,
  /is not a valid cron expression: failed to parse int from/,
  /appears to be in Unix 5-field format\. Coder uses 6-field format/,
  /^at least one of "run_on_start", "run_on_stop", or "cron" must be set$/,
  /^"start_blocks_login" can only be set if "run_on_start" is "true"$/,
  // coder_metadata
  /^duplicate resource metadata key "/,
  // coder_env
  /^invalid value for name \(must be a valid environment variable name\)$/,
  /^expected merge_strategy to be one of \["replace" "append" "prepend" "error"\], got /,
  // coder_devcontainer
  /^expected "workspace_folder" to not be an empty string, got $/,
  // coder_ai_task
  /^expected "app_id" to be a valid UUID, got /,
  /^expected "sidebar_app\.0\.id" to be a valid UUID, got /,
  /^Conflicting configuration arguments \/ "app_id": conflicts with sidebar_app$/,
  /^Conflicting configuration arguments \/ "sidebar_app": conflicts with app_id$/,
  /^'app_id' must be set$/,
  // coder_workspace
  /^template ID is missing: CODER_WORKSPACE_TEMPLATE_ID is required$/,
  /^template name is missing: CODER_WORKSPACE_TEMPLATE_NAME is required$/,
  /^template version is missing: CODER_WORKSPACE_TEMPLATE_VERSION is required$/,
  /^couldn't parse port "/,
  // coder_workspace_owner
  /^invalid user groups: /,
  /^invalid user rbac roles: /,
  // coder_external_auth
  /^id is required$/,
  // coder_task
  /^invalid UUID length: \d+$/,
  /^invalid urn prefix: /,
  /^invalid UUID format$/,
  // coder_parameter
  /^expected type to be one of \["string" "number" "bool" "list\(string\)"\], got /,
  /^expected form_type to be one of \["radio" "slider" "input" "dropdown" "checkbox" "switch" "multi-select" "tag-select" "textarea" "error"\], got /,
  /^Conflicting configuration arguments \/ "validation\.0\.regex": conflicts with validation\.0\.min$/,
  /^Conflicting configuration arguments \/ "validation\.0\.regex": conflicts with validation\.0\.max$/,
  /^Conflicting configuration arguments \/ "validation\.0\.regex": conflicts with validation\.0\.monotonic$/,
  /^parameter can't be immutable and ephemeral$/,
  /^ephemeral parameter requires the default property$/,
  /^Invalid form_type for parameter \/ "form_type" attribute="\w+" is not supported for "type"=".*", choose one of/,
  /^Option names must be unique\. \/ multiple options found with the same name "/,
  /^Option values must be unique\. \/ multiple options found with the same value "/,
  /^Option ".*" with value=".*" is not of type "(number|bool)" \/ ".*" is not a (number|bool)$/,
  /^When using list\(string\) type, value must be a json encoded list of strings \//,
  /^Values must be a valid option \/ Value ".*" is not a valid option, values ".*" are missing from the options$/,
  /^Default values must be a valid option \//,
  /^Value must be a valid option\. The value is empty, did you forget to set it/,
  /^Default value must be a valid option \//,
  /^Invalid parameter value according to 'validation' block \/ a min cannot be specified for a \w+ type$/,
  /^Invalid parameter .*according to 'validation' block \/ a max cannot be specified for a/,
  /^Invalid parameter .*according to 'validation' block \/ monotonic validation can only be specified for number types/,
  /^Invalid parameter .*according to 'validation' block \/ a regex cannot be specified for a/,
  /^Invalid parameter .*according to 'validation' block \/ boolean value can be either "true" or "false"$/,
  /^Invalid parameter .*according to 'validation' block \/ compile regex <nil>: /,
  /^Invalid parameter .*according to 'validation' block \/ an error must be specified with a regex validation$/,
  /^Invalid parameter .*according to 'validation' block \/ .* \(value ".*" does not match ".*"\)$/,
  /^Invalid parameter .*according to 'validation' block \/ value ".*" is not a number$/,
  /^Invalid parameter .*according to 'validation' block \/ value -?\d+ is less than the minimum -?\d+$/,
  /^Invalid parameter .*according to 'validation' block \/ value -?\d+ is more than the maximum -?\d+$/,
  /^Invalid parameter .*according to 'validation' block \/ number monotonicity can be either "increasing" or "decreasing"$/,
  /^Invalid parameter .*according to 'validation' block \/ parameter value '\d+' must be equal or greater than previous value: \d+$/,
  /^Invalid parameter .*according to 'validation' block \/ parameter value '\d+' must be equal or lower than previous value: \d+$/,
  /^Invalid parameter .*according to 'validation' block \/ value ".*" is not valid list of strings$/,
  /^Parameter value is not of type "number" \/ ".*" is not a number$/,
  /^Parameter value is not of type "bool" \/ ".*" is not a bool$/,
  /^Parameter value is not of type "list\(string\)" \/ value ".*" is not a valid list of strings$/,
  /%!d\(MISSING\)/,
  /%!\(NOVERB\)/,
  // coder_workspace_preset
  /^expected "name" to not be an empty string, got $/,
  /^expected length of description to be in the range \(0 - 128\), got /,
  /^expected length of icon to be in the range \(0 - 256\), got /,
  /^expected prebuilds\.0\.instances to be at least \(0\), got -/,
  /^"prebuilds\.0\.expiration_policy\.0\.ttl" must be 0 or between 3600 and 31536000, got /,
  /^failed to load timezone ".*": unknown time zone /,
  /^failed to load timezone ".*": time: invalid location name$/,
  /^cron spec failed validation: cron specification should consist of 5 fields$/,
  /^cron spec failed validation: minute field should be \*$/,
  /^failed to parse cron spec: end of range \(\d+\) above maximum/,
  /^failed to parse cron spec: failed to parse int from/,
  /^failed to parse cron spec: too many hyphens/,
  /^failed to parse cron spec: step of range should be a positive number/,
  /^failed to parse cron spec: beginning of range \(\d+\) beyond end of range/,
  /^failed to parse cron spec: beginning of range \(\d+\) below minimum/,
  /^schedules overlap with each other: schedules overlap: /,
  /^schedules overlap with each other: invalid schedule: invalid (hour|day|month) range: /,
  // coder_secret (ours only: absent from the Go reference)
  /^Missing required secret: environment variable "/,
  /^Missing required secret: file "/,
  /^exactly one of `env` or `file` must be set$/,
  /^`env` must be a POSIX-compliant identifier matching /,
  /^`file` must start with `\/` or `~\/`; got /,
];

/** Schema defaults: [resource type or data.<type>, attribute path in state values, default]. */
export const DEFAULTS: readonly (readonly [string, string, unknown])[] = [
  ['coder_agent', 'api_key_scope', 'all'],
  ['coder_agent', 'auth', 'token'],
  ['coder_agent', 'connection_timeout', 120],
  ['coder_agent', 'startup_script_behavior', 'non-blocking'],
  ['coder_agent', 'display_apps.0.vscode', true],
  ['coder_agent', 'display_apps.0.vscode_insiders', false],
  ['coder_agent', 'display_apps.0.web_terminal', true],
  ['coder_agent', 'display_apps.0.port_forwarding_helper', true],
  ['coder_agent', 'display_apps.0.ssh_helper', true],
  ['coder_app', 'external', false],
  ['coder_app', 'hidden', false],
  ['coder_app', 'open_in', 'slim-window'],
  ['coder_app', 'share', 'owner'],
  ['coder_metadata', 'item.0.sensitive', false],
  ['coder_script', 'start_blocks_login', false],
  ['coder_script', 'run_on_start', false],
  ['coder_script', 'run_on_stop', false],
  ['coder_script', 'timeout', 0],
  ['coder_env', 'merge_strategy', 'replace'],
  ['data.coder_parameter', 'type', 'string'],
  ['data.coder_parameter', 'styling', '{}'],
  ['data.coder_parameter', 'mutable', false],
  ['data.coder_parameter', 'ephemeral', false],
  ['data.coder_workspace_preset', 'default', false],
];

export interface CoverageReport {
  readonly missingEnv: string[];
  readonly missingMessages: string[];
  readonly missingDefaults: string[];
}

const reference = (v: Verdict): CaseView | undefined => v.go ?? v.ours;

function at(values: Json, path: string): unknown {
  let x: Json = values;
  for (const k of path.split('.')) x = x?.[/^\d+$/.test(k) ? Number(k) : k];
  return x;
}

/** The body text of every `resource|data "<type>" "<label>" { ... }` block of a template. */
function blocksOf(hcl: string, type: string): Map<string, string> {
  const [kind, t] = type.startsWith('data.') ? ['data', type.slice(5)] : ['resource', type];
  const out = new Map<string, string>();
  const head = new RegExp(`^${kind}\\s+"${t}"\\s+"([^"]+)"\\s*\\{`, 'gm');
  for (const m of hcl.matchAll(head)) {
    let depth = 1;
    let i = m.index! + m[0].length;
    const start = i;
    for (; i < hcl.length && depth > 0; i++) {
      if (hcl[i] === '{') depth++;
      else if (hcl[i] === '}') depth--;
    }
    out.set(m[1]!, hcl.slice(start, i - 1));
  }
  return out;
}

export function coverageReport(cases: readonly Case[], verdicts: ReadonlyMap<string, Verdict>): CoverageReport {
  const explicit = new Set(cases.flatMap((c) => c.explicitEnv));
  const missingEnv = ENV_VARS.filter(([, re]) => ![...explicit].some((k) => re.test(k))).map(([name]) => name);

  const texts: string[] = [];
  for (const v of verdicts.values()) {
    const r = reference(v);
    if (!r) continue;
    for (const s of STEPS) for (const d of r.diagnostics[s] ?? []) texts.push(d.detail ? `${d.summary} / ${d.detail}` : d.summary);
  }
  const missingMessages = MESSAGES.filter((re) => !texts.some((t) => re.test(t))).map(String);

  const missingDefaults: string[] = [];
  for (const [type, attr, value] of DEFAULTS) {
    const name = attr.split('.').filter((p) => !/^\d+$/.test(p));
    const seen = [...verdicts.values()].some((v) => {
      const r = reference(v);
      const objects: Json[] = r?.state ?? [];
      for (const [label, body] of blocksOf(v.c.hcl, type)) {
        // The block must leave the attribute (and, for nested ones, the attribute inside its block) out.
        if (new RegExp(`\\b${name[name.length - 1]}\\s*=`).test(body)) continue;
        const o = objects.find((x) => x.address === `${type}.${label}`);
        if (o && at(o.values, attr) === value) return true;
      }
      return false;
    });
    if (!seen) missingDefaults.push(`${type}.${attr} = ${JSON.stringify(value)}`);
  }
  return { missingEnv, missingMessages, missingDefaults };
}
