/**
 * Scenarios: the builds the check simulates, and the environment each one gets - exactly the
 * variables Coder's provisioner sets for `terraform plan` (ecosystem.md section 5.3), with placeholder
 * values where a real build would have the owner's data.
 *
 * Default scenarios: start, stop, destroy and a prebuild. A scenario file (JSON) replaces them:
 *
 *   { "scenarios": [ { "name": "eu-start", "transition": "start",
 *                      "parameters": { "region": "eu" }, "previousParameters": {},
 *                      "owner": { "name": "bob", "groups": ["eu"] },
 *                      "secrets": { "env": { "GITHUB_TOKEN": "..." }, "files": { "~/.npmrc": "..." } },
 *                      "externalAuth": { "github": "..." }, "variables": { "region": "eu" },
 *                      "placeholders": true } ],
 *     "defaults": { ...fields every scenario starts from... } }
 *
 * With `"placeholders": true` (the default) the check fills in what the file leaves out: a
 * placeholder for every coder_secret and coder_external_auth the template declares (start builds),
 * a value for every required parameter and variable. `"placeholders": false` passes exactly what
 * the file says, e.g. to see a start build fail on a missing secret.
 */
import * as fs from 'node:fs';
import { parameterEnvVar, parameterPreviousEnvVar } from '../coder/parameter';
import { literalScalar, literalString } from './hcl-scan';
import type { Locator } from './locator';
import type { Transition } from './rules/context';

export interface OwnerSpec {
  id: string;
  name: string;
  fullName: string;
  email: string;
  loginType: string;
  groups: string[];
  rbacRoles: Array<{ name: string; org_id: string }>;
  sshPublicKey: string;
  sshPrivateKey: string;
  sessionToken: string;
  oidcAccessToken: string;
}

export interface WorkspaceSpec {
  id: string;
  name: string;
  templateId: string;
  templateName: string;
  templateVersion: string;
  accessUrl: string;
}

export interface Scenario {
  name: string;
  transition: Transition;
  prebuild: boolean;
  prebuildClaim: boolean;
  owner: OwnerSpec;
  workspace: WorkspaceSpec;
  parameters: Record<string, string>;
  previousParameters: Record<string, string>;
  secrets: { env: Record<string, string>; files: Record<string, string> };
  externalAuth: Record<string, string>;
  /** Template variables, passed as `-var name=value` (Coder passes a template version's variables so). */
  variables: Record<string, string>;
  task?: { id: string; prompt: string };
  /** Extra environment for tofu (not CODER_* - those are the provisioner's). */
  env: Record<string, string>;
  /** Parameter values the check made up (no default, no value given): a failure on them is the check's guess, not the template's fault. */
  synthesized: Set<string>;
}

/** What the template declares that a build must supply, read from the .tf files. */
export interface TemplateNeeds {
  secretEnvs: string[];
  secretFiles: string[];
  externalAuthIds: string[];
  /** Parameters without a default: name -> a value that satisfies their type and options, if one can be made up. */
  requiredParameters: Map<string, string | undefined>;
  /** Variables without a default: name -> placeholder, if the type allows one. */
  requiredVariables: Map<string, string | undefined>;
}

const WORKSPACE_ID = '6f0e8a52-3b1d-4c7e-9a2f-5d8b1c0e4f73';
const TEMPLATE_ID = '2b7d4e1f-8c3a-4f5e-b6d9-0a1c2e3f4b5d';
const OWNER_ID = 'a3c5e7f9-1b2d-4e6f-8a0c-2d4f6b8e0a1c';
/** The system user that owns prebuilt workspaces in Coder. */
const PREBUILDS_OWNER_ID = 'c42fdf75-3097-471c-8c33-fb52454d81c0';
const BUILD_IDS: Record<string, string> = {
  start: '0c4a7e2b-6d1f-4b3e-9c5a-7e2d4f6a8b01',
  stop: '0c4a7e2b-6d1f-4b3e-9c5a-7e2d4f6a8b02',
  destroy: '0c4a7e2b-6d1f-4b3e-9c5a-7e2d4f6a8b03',
};

const placeholder = (what: string): string => `check-placeholder-${what}`;

export function defaultOwner(): OwnerSpec {
  return {
    id: OWNER_ID,
    name: 'alice',
    fullName: 'Alice Example',
    email: 'alice@example.com',
    loginType: 'password',
    groups: ['Everyone'],
    rbacRoles: [{ name: 'member', org_id: '' }],
    sshPublicKey: 'ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIcheckplaceholderpublickeynotreal alice@example.com',
    sshPrivateKey: `-----BEGIN OPENSSH PRIVATE KEY-----\n${placeholder('ssh-private-key')}\n-----END OPENSSH PRIVATE KEY-----\n`,
    sessionToken: placeholder('session-token'),
    oidcAccessToken: '',
  };
}

function prebuildsOwner(): OwnerSpec {
  return {
    ...defaultOwner(),
    id: PREBUILDS_OWNER_ID,
    name: 'prebuilds',
    fullName: 'Prebuilds Owner',
    email: 'prebuilds@system',
    loginType: 'none',
    groups: [],
    rbacRoles: [],
    sessionToken: placeholder('prebuilds-session-token'),
  };
}

function defaultWorkspace(templateName: string): WorkspaceSpec {
  return {
    id: WORKSPACE_ID,
    name: 'dev',
    templateId: TEMPLATE_ID,
    templateName,
    templateVersion: 'check',
    accessUrl: 'https://coder.example.com/',
  };
}

function blank(name: string, transition: Transition, templateName: string): Scenario {
  return {
    name,
    transition,
    prebuild: false,
    prebuildClaim: false,
    owner: defaultOwner(),
    workspace: defaultWorkspace(templateName),
    parameters: {},
    previousParameters: {},
    secrets: { env: {}, files: {} },
    externalAuth: {},
    variables: {},
    env: {},
    synthesized: new Set(),
  };
}

/** Fills what a build needs and the scenario does not say (see the file comment). */
function fill(s: Scenario, needs: TemplateNeeds): void {
  if (s.transition === 'start') {
    for (const e of needs.secretEnvs) s.secrets.env[e] ??= placeholder(`secret-${e}`);
    for (const f of needs.secretFiles) s.secrets.files[f] ??= placeholder(`secret-file`);
  }
  for (const id of needs.externalAuthIds) s.externalAuth[id] ??= placeholder(`external-auth-${id}`);
  for (const [name, value] of needs.requiredParameters) {
    if (value !== undefined && !(name in s.parameters)) {
      s.parameters[name] = value;
      s.synthesized.add(name);
    }
  }
  for (const [name, value] of needs.requiredVariables) if (value !== undefined) s.variables[name] ??= value;
}

export function defaultScenarios(needs: TemplateNeeds, templateName: string): Scenario[] {
  const start = blank('start', 'start', templateName);
  const stop = blank('stop', 'stop', templateName);
  const destroy = blank('destroy', 'destroy', templateName);
  const prebuild = blank('prebuild', 'start', templateName);
  prebuild.prebuild = true;
  prebuild.owner = prebuildsOwner();
  for (const s of [start, stop, destroy, prebuild]) fill(s, needs);
  // Stop and destroy follow a start: the previous build's values come back as "previous".
  for (const s of [stop, destroy]) s.previousParameters = { ...start.parameters };
  return [start, stop, destroy, prebuild];
}

export class ScenarioFileError extends Error {}

const TRANSITIONS: readonly Transition[] = ['start', 'stop', 'destroy'];

function asRecord(v: unknown, what: string): Record<string, string> {
  if (v === undefined || v === null) return {};
  if (typeof v !== 'object' || Array.isArray(v)) throw new ScenarioFileError(`${what} must be an object of strings`);
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v as Record<string, unknown>)) {
    if (typeof x === 'string') out[k] = x;
    else if (typeof x === 'number' || typeof x === 'boolean') out[k] = String(x);
    else if (Array.isArray(x)) out[k] = JSON.stringify(x);
    else throw new ScenarioFileError(`${what}.${k} must be a string`);
  }
  return out;
}

function merge(base: Record<string, unknown>, over: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(over)) {
    const b = out[k];
    out[k] = b && v && typeof b === 'object' && typeof v === 'object' && !Array.isArray(b) && !Array.isArray(v) ? merge(b as Record<string, unknown>, v as Record<string, unknown>) : v;
  }
  return out;
}

/** Reads a scenario file. Errors name the scenario and field; they never echo values. */
export function loadScenarioFile(file: string, needs: TemplateNeeds, templateName: string): Scenario[] {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    throw new ScenarioFileError(`cannot read scenario file ${file}: ${err instanceof SyntaxError ? 'not valid JSON' : (err as Error).message}`);
  }
  let list: unknown[];
  let defaults: Record<string, unknown> = {};
  if (Array.isArray(raw)) list = raw;
  else if (raw && typeof raw === 'object' && Array.isArray((raw as { scenarios?: unknown }).scenarios)) {
    list = (raw as { scenarios: unknown[] }).scenarios;
    const d = (raw as { defaults?: unknown }).defaults;
    if (d && typeof d === 'object' && !Array.isArray(d)) defaults = d as Record<string, unknown>;
  } else if (raw && typeof raw === 'object') list = [raw];
  else throw new ScenarioFileError(`${file}: expected a scenario object, an array of them, or { "scenarios": [...] }`);
  if (list.length === 0) throw new ScenarioFileError(`${file}: no scenarios`);
  const names = new Set<string>();
  return list.map((entry, i) => {
    if (!entry || typeof entry !== 'object' || Array.isArray(entry)) throw new ScenarioFileError(`${file}: scenario #${i + 1} is not an object`);
    const e = merge(defaults, entry as Record<string, unknown>);
    const transition = (e['transition'] ?? 'start') as Transition;
    if (!TRANSITIONS.includes(transition)) throw new ScenarioFileError(`${file}: scenario #${i + 1}: transition must be start, stop or destroy`);
    const name = typeof e['name'] === 'string' && e['name'] ? e['name'] : `${transition}-${i + 1}`;
    if (!/^[A-Za-z0-9_.-]+$/.test(name)) throw new ScenarioFileError(`${file}: scenario name ${JSON.stringify(name)} may only use letters, digits, "_", "." and "-"`);
    if (names.has(name)) throw new ScenarioFileError(`${file}: two scenarios are named ${JSON.stringify(name)}`);
    names.add(name);
    const s = blank(name, transition, templateName);
    s.prebuild = e['prebuild'] === true;
    s.prebuildClaim = e['prebuildClaim'] === true;
    if (s.prebuild && e['owner'] === undefined) s.owner = prebuildsOwner();
    const where = `${file}: scenario ${JSON.stringify(name)}`;
    const owner = e['owner'];
    if (owner !== undefined) {
      if (!owner || typeof owner !== 'object' || Array.isArray(owner)) throw new ScenarioFileError(`${where}: owner must be an object`);
      const o = owner as Record<string, unknown>;
      for (const k of ['id', 'name', 'fullName', 'email', 'loginType', 'sshPublicKey', 'sshPrivateKey', 'sessionToken', 'oidcAccessToken'] as const) {
        if (o[k] !== undefined) {
          if (typeof o[k] !== 'string') throw new ScenarioFileError(`${where}: owner.${k} must be a string`);
          s.owner[k] = o[k] as string;
        }
      }
      if (o['groups'] !== undefined) {
        if (!Array.isArray(o['groups']) || !o['groups'].every((g) => typeof g === 'string')) throw new ScenarioFileError(`${where}: owner.groups must be an array of strings`);
        s.owner.groups = o['groups'] as string[];
      }
      if (o['rbacRoles'] !== undefined) {
        if (!Array.isArray(o['rbacRoles'])) throw new ScenarioFileError(`${where}: owner.rbacRoles must be an array`);
        s.owner.rbacRoles = (o['rbacRoles'] as unknown[]).map((r, j) => {
          const rr = r as Record<string, unknown>;
          if (!rr || typeof rr['name'] !== 'string') throw new ScenarioFileError(`${where}: owner.rbacRoles[${j}].name must be a string`);
          return { name: rr['name'], org_id: typeof rr['org_id'] === 'string' ? rr['org_id'] : '' };
        });
      }
    }
    const ws = e['workspace'];
    if (ws !== undefined) {
      if (!ws || typeof ws !== 'object' || Array.isArray(ws)) throw new ScenarioFileError(`${where}: workspace must be an object`);
      for (const [k, v] of Object.entries(asRecord(ws, `${where}: workspace`))) {
        if (k in s.workspace) (s.workspace as unknown as Record<string, string>)[k] = v;
        else throw new ScenarioFileError(`${where}: unknown field workspace.${k}`);
      }
    }
    s.parameters = asRecord(e['parameters'], `${where}: parameters`);
    s.previousParameters = asRecord(e['previousParameters'], `${where}: previousParameters`);
    const secrets = (e['secrets'] ?? {}) as Record<string, unknown>;
    s.secrets = { env: asRecord(secrets['env'], `${where}: secrets.env`), files: asRecord(secrets['files'], `${where}: secrets.files`) };
    s.externalAuth = asRecord(e['externalAuth'], `${where}: externalAuth`);
    s.variables = asRecord(e['variables'], `${where}: variables`);
    s.env = asRecord(e['env'], `${where}: env`);
    for (const k of Object.keys(s.env)) {
      if (k.startsWith('CODER_')) throw new ScenarioFileError(`${where}: env.${k}: CODER_* variables come from the scenario's fields, not from env`);
    }
    const task = e['task'];
    if (task !== undefined) {
      const t = asRecord(task, `${where}: task`);
      s.task = { id: t['id'] ?? '', prompt: t['prompt'] ?? '' };
    }
    if (e['placeholders'] !== false) fill(s, needs);
    return s;
  });
}

/** Placeholder agent bootstrap scripts with the two placeholders the provider substitutes. */
const AGENT_SCRIPT_PLATFORMS: ReadonlyArray<readonly [string, string]> = [
  ['windows', 'amd64'],
  ['windows', 'arm64'],
  ['linux', 'amd64'],
  ['linux', 'arm64'],
  ['linux', 'armv7'],
  ['darwin', 'amd64'],
  ['darwin', 'arm64'],
];

function agentScript(os: string, arch: string): string {
  if (os === 'windows') {
    return `# coder agent bootstrap (check placeholder) ${os}/${arch}\n$env:CODER_AGENT_AUTH = "\${AUTH_TYPE}"\n$env:CODER_AGENT_URL = "\${ACCESS_URL}"\n`;
  }
  return `#!/bin/sh\n# coder agent bootstrap (check placeholder) ${os}/${arch}\nexport CODER_AGENT_AUTH="\${AUTH_TYPE}"\nexport CODER_AGENT_URL="\${ACCESS_URL}"\n`;
}

/** `CODER_PARAMETER_<hex(sha256(name))>` (and the `PREVIOUS_` form): the names coder_parameter reads. */
export function parameterEnvName(name: string, previous = false): string {
  return previous ? parameterPreviousEnvVar(name) : parameterEnvVar(name);
}

/**
 * The environment of `tofu plan` for a scenario: the host environment without any CODER_* variable
 * (Coder strips them, section 5.3), then what the provisioner adds.
 */
export function scenarioEnv(s: Scenario, host: NodeJS.ProcessEnv): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(host)) if (v !== undefined && !k.startsWith('CODER_')) env[k] = v;
  Object.assign(env, s.env);
  const o = s.owner;
  const w = s.workspace;
  Object.assign(env, {
    CODER_AGENT_URL: w.accessUrl,
    CODER_WORKSPACE_TRANSITION: s.transition,
    CODER_WORKSPACE_NAME: w.name,
    CODER_WORKSPACE_ID: w.id,
    CODER_WORKSPACE_BUILD_ID: BUILD_IDS[s.transition] ?? BUILD_IDS['start']!,
    CODER_WORKSPACE_OWNER: o.name,
    CODER_WORKSPACE_OWNER_ID: o.id,
    CODER_WORKSPACE_OWNER_NAME: o.fullName,
    CODER_WORKSPACE_OWNER_EMAIL: o.email,
    CODER_WORKSPACE_OWNER_LOGIN_TYPE: o.loginType,
    CODER_WORKSPACE_OWNER_GROUPS: JSON.stringify(o.groups),
    CODER_WORKSPACE_OWNER_RBAC_ROLES: JSON.stringify(o.rbacRoles),
    CODER_WORKSPACE_OWNER_SSH_PUBLIC_KEY: o.sshPublicKey,
    CODER_WORKSPACE_OWNER_SSH_PRIVATE_KEY: o.sshPrivateKey,
    CODER_WORKSPACE_OWNER_SESSION_TOKEN: o.sessionToken,
    CODER_WORKSPACE_OWNER_OIDC_ACCESS_TOKEN: o.oidcAccessToken,
    CODER_WORKSPACE_TEMPLATE_ID: w.templateId,
    CODER_WORKSPACE_TEMPLATE_NAME: w.templateName,
    CODER_WORKSPACE_TEMPLATE_VERSION: w.templateVersion,
  });
  if (s.prebuild) env['CODER_WORKSPACE_IS_PREBUILD'] = 'true';
  if (s.prebuildClaim) env['CODER_WORKSPACE_IS_PREBUILD_CLAIM'] = 'true';
  if (s.task) {
    env['CODER_TASK_ID'] = s.task.id;
    env['CODER_TASK_PROMPT'] = s.task.prompt;
  }
  for (const [os, arch] of AGENT_SCRIPT_PLATFORMS) env[`CODER_AGENT_SCRIPT_${os}_${arch}`] = agentScript(os, arch);
  for (const [k, v] of Object.entries(s.parameters)) env[parameterEnvName(k)] = v;
  for (const [k, v] of Object.entries(s.previousParameters)) env[parameterEnvName(k, true)] = v;
  for (const [id, token] of Object.entries(s.externalAuth)) {
    env[`CODER_EXTERNAL_AUTH_ACCESS_TOKEN_${id}`] = token;
    env[`CODER_GIT_AUTH_ACCESS_TOKEN_${id}`] = token;
  }
  // User secrets reach only the plan of start builds ("values are baked into plan state").
  if (s.transition === 'start') {
    for (const [name, v] of Object.entries(s.secrets.env)) env[`CODER_SECRET_ENV_${name}`] = v;
    for (const [p, v] of Object.entries(s.secrets.files)) env[`CODER_SECRET_FILE_${Buffer.from(p, 'utf8').toString('hex')}`] = v;
  }
  return env;
}

/** Every secret value a scenario hands to tofu (for redaction). */
export function scenarioSecrets(s: Scenario): string[] {
  return [
    s.owner.sshPrivateKey,
    s.owner.sessionToken,
    s.owner.oidcAccessToken,
    ...Object.values(s.secrets.env),
    ...Object.values(s.secrets.files),
    ...Object.values(s.externalAuth),
  ].filter((v) => v.length > 0);
}

/** Reads what a build must supply from the root module and its local modules. */
export function templateNeeds(locator: Locator): TemplateNeeds {
  const needs: TemplateNeeds = {
    secretEnvs: [],
    secretFiles: [],
    externalAuthIds: [],
    requiredParameters: new Map(),
    requiredVariables: new Map(),
  };
  const dirs: string[][] = [[]];
  for (const f of locator.files([])) for (const b of f.hcl.blocks) if (b.type === 'module' && b.labels[0]) dirs.push([b.labels[0]]);
  for (const modulePath of dirs) {
    for (const { hcl, block } of locator.topBlocks(modulePath, 'data')) {
      const attr = (n: string): string | undefined => {
        const a = block.attributes.find((x) => x.name === n);
        return a ? hcl.exprText(a) : undefined;
      };
      const [type] = block.labels;
      if (type === 'coder_secret') {
        const env = literalString(attr('env') ?? '');
        const file = literalString(attr('file') ?? '');
        if (env && !needs.secretEnvs.includes(env)) needs.secretEnvs.push(env);
        if (file && !needs.secretFiles.includes(file)) needs.secretFiles.push(file);
      } else if (type === 'coder_external_auth') {
        const id = literalString(attr('id') ?? '');
        if (id && !needs.externalAuthIds.includes(id)) needs.externalAuthIds.push(id);
      } else if (type === 'coder_parameter') {
        const name = literalString(attr('name') ?? '');
        if (!name || attr('default') !== undefined) continue;
        const ptype = literalString(attr('type') ?? '"string"') ?? 'string';
        const firstOption = block.blocks.find((c) => c.type === 'option');
        const optValue = firstOption ? firstOption.attributes.find((a) => a.name === 'value') : undefined;
        const validation = block.blocks.find((c) => c.type === 'validation');
        let value: string | undefined;
        if (optValue) value = literalScalar(hcl.exprText(optValue));
        else if (ptype === 'number') {
          const min = validation?.attributes.find((a) => a.name === 'min');
          value = min ? literalScalar(hcl.exprText(min)) : '0';
        } else if (ptype === 'bool') value = 'false';
        else if (ptype === 'list(string)') value = '[]';
        else if (!validation) value = 'check';
        needs.requiredParameters.set(name, value);
      }
    }
    if (modulePath.length === 0) {
      for (const { hcl, block } of locator.topBlocks([], 'variable')) {
        const name = block.labels[0];
        if (!name || block.attributes.some((a) => a.name === 'default')) continue;
        const t = block.attributes.find((a) => a.name === 'type');
        const type = t ? hcl.exprText(t).trim() : 'any';
        const value = type === 'number' ? '0' : type === 'bool' ? 'false' : type === 'string' || type === 'any' ? placeholder(`variable-${name}`) : undefined;
        needs.requiredVariables.set(name, value);
      }
    }
  }
  return needs;
}
