/**
 * Secret safety, wider than secrets.test.ts (which follows the demo template through one plan and
 * apply): a sentinel value enters through every sensitive path the provider has, and through the
 * ways templates carry other secrets, and is searched for in everything a user, a CI log or Coder's
 * build log can see:
 *   - human plan / apply / show / output / destroy output (stdout and stderr, where diagnostics go),
 *   - the `-json` UI stream of plan, apply and destroy (diagnostics included),
 *   - our provider's log lines at TF_LOG=trace (the lines tofu tags with our plugin's name; the log
 *     goes to TF_LOG_PATH so that stderr holds only diagnostics).
 * Paths: coder_secret env and file, the owner's SSH key and session / OIDC tokens, an external-auth
 * token, the agent token handed over for a prebuild (CODER_RUNNING_WORKSPACE_AGENT_TOKEN_<sha256("")>),
 * sensitive metadata items, a sensitive variable into coder_env and agent env, a random_password.
 * Error paths: templates that fail validation, plan or apply while carrying secrets, next to the Go
 * provider: the same diagnostics, and no sentinel in ours. Where the Go provider quotes a value that
 * came from one of our sensitive attributes, ours says "(sensitive value)" instead
 * (provider/coder/redact.ts). Rich parameters are not sensitive in Coder: their messages quote the
 * value exactly as the Go provider's do.
 */
import { createHash } from 'node:crypto';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import {
  E2E_TEST_TIMEOUT_MS,
  coderBuildEnv,
  createWorkdir,
  findResource,
  init,
  runTofu,
  showJson,
  type EnvOverlay,
  type ProviderKind,
  type TofuResult,
  type Workdir,
} from './harness';

jest.setTimeout(E2E_TEST_TIMEOUT_MS);

/** Sentinels: each is searched for as is (all plain ASCII, so a JSON-escaped leak looks the same). */
const S = {
  sshKeyBody: 'SENTINELsshKeyBody5c1e0a9f',
  session: 'SENTINEL-session-token-2b7d',
  oidc: 'SENTINEL-oidc-token-91fe',
  secretEnv: 'SENTINEL-secret-env-4a60',
  secretFile: 'SENTINEL-secret-file-d3c8',
  externalAuth: 'SENTINEL-external-auth-7e15',
  agentToken: 'SENTINEL-prebuild-agent-token-0c94',
  variable: 'SENTINEL-sensitive-variable-6f2a',
};
const SSH_KEY = `-----BEGIN OPENSSH PRIVATE KEY-----\n${S.sshKeyBody}\n-----END OPENSSH PRIVATE KEY-----\n`;
const PREBUILD_TOKEN_ENV = `CODER_RUNNING_WORKSPACE_AGENT_TOKEN_${createHash('sha256').update('').digest('hex')}`;
const KUBECONFIG_ENV = `CODER_SECRET_FILE_${Buffer.from('~/.kube/config').toString('hex')}`;

const secretEnv = (extra: EnvOverlay = {}, parameters: Record<string, string> = {}): EnvOverlay =>
  coderBuildEnv(
    {
      CODER_WORKSPACE_OWNER_SSH_PRIVATE_KEY: SSH_KEY,
      CODER_WORKSPACE_OWNER_SESSION_TOKEN: S.session,
      CODER_WORKSPACE_OWNER_OIDC_ACCESS_TOKEN: S.oidc,
      CODER_SECRET_ENV_DEPLOY_TOKEN: S.secretEnv,
      [KUBECONFIG_ENV]: S.secretFile,
      CODER_EXTERNAL_AUTH_ACCESS_TOKEN_github: S.externalAuth,
      [PREBUILD_TOKEN_ENV]: S.agentToken,
      TF_VAR_service_password: S.variable,
      ...extra,
    },
    { parameters },
  );

// ---------------------------------------------------------------------------------------------
// Scanning

interface Scanned {
  bytes: number;
  outputs: number;
  hits: string[];
}
const tally: Record<ProviderKind, Scanned> = { ours: { bytes: 0, outputs: 0, hits: [] }, go: { bytes: 0, outputs: 0, hits: [] } };

/** Lines of a tofu log written by or about our plugin process (go-plugin tags them with its name). */
const providerLines = (log: string): string[] => log.split('\n').filter((l) => l.includes('terraform-provider-coder'));

/** Searches `text` for every sentinel in `secrets`; returns "label: sentinel" per hit. */
function scan(kind: ProviderKind, label: string, text: string, secrets: readonly string[]): string[] {
  const t = tally[kind];
  t.bytes += Buffer.byteLength(text);
  t.outputs++;
  const hits = secrets.filter((s) => text.includes(s)).map((s) => `${label}: ${s}`);
  t.hits.push(...hits);
  return hits;
}

interface Run {
  result: TofuResult;
  /** Our plugin's lines of the TF_LOG=trace log of this command. */
  providerLog: string[];
}

/** Runs one command with TF_LOG=trace into a log file; stdout and stderr then hold only the UI. */
async function traced(wd: Workdir, args: string[], env: EnvOverlay): Promise<Run> {
  const logFile = join(wd.root, `trace-${Date.now()}-${Math.random().toString(16).slice(2)}.log`);
  const result = await runTofu(wd, args, { env: { ...env, TF_LOG: 'trace', TF_LOG_PATH: logFile, TF_LOG_PROVIDER: undefined, TF_LOG_CORE: undefined } });
  let log = '';
  try {
    log = readFileSync(logFile, 'utf8');
    rmSync(logFile);
  } catch {
    /* a command that never started a provider may write no log */
  }
  return { result, providerLog: providerLines(log) };
}

/** Scans a command's UI output and our plugin's log lines; returns the hits. */
function scanRun(kind: ProviderKind, label: string, run: Run, secrets: readonly string[]): string[] {
  return [
    ...scan(kind, `${label} stdout`, run.result.stdout, secrets),
    ...scan(kind, `${label} stderr`, run.result.stderr, secrets),
    ...scan(kind, `${label} provider log`, run.providerLog.join('\n'), secrets),
  ];
}

interface Diag {
  severity: string;
  summary: string;
  detail: string;
}

/** The diagnostics of a `-json` UI stream. */
function jsonDiagnostics(stdout: string): Diag[] {
  const out: Diag[] = [];
  for (const line of stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    const m = JSON.parse(line) as { type?: string; diagnostic?: { severity: string; summary: string; detail?: string } };
    if (m.type === 'diagnostic' && m.diagnostic) out.push({ severity: m.diagnostic.severity, summary: m.diagnostic.summary, detail: m.diagnostic.detail ?? '' });
  }
  return out;
}

afterAll(() => {
  const line = (k: ProviderKind) => `scanned ${tally[k].bytes} bytes in ${tally[k].outputs} outputs, ${tally[k].hits.length} sentinel hits`;
  process.stderr.write(`secret-safety: our provider: ${line('ours')}; the Go provider, for comparison: ${line('go')}\n`);
});

// ---------------------------------------------------------------------------------------------
// Every sensitive path, through a whole workspace lifecycle

const HEADER = `terraform {
  required_providers {
    coder  = { source = "coder/coder" }
    random = { source = "hashicorp/random" }
  }
}

variable "service_password" {
  type      = string
  sensitive = true
}
`;

const LIFECYCLE_TF = `${HEADER}
data "coder_workspace" "me" {}
data "coder_workspace_owner" "me" {}

data "coder_secret" "deploy_token" {
  env          = "DEPLOY_TOKEN"
  help_message = "Add a DEPLOY_TOKEN secret."
}

data "coder_secret" "kubeconfig" {
  file         = "~/.kube/config"
  help_message = "Add your kubeconfig as a secret file."
}

data "coder_external_auth" "github" {
  id = "github"
}

resource "random_password" "db" {
  length  = 24
  special = false
}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  env = {
    SERVICE_PASSWORD = var.service_password
    DB_PASSWORD      = random_password.db.result
    OWNER            = data.coder_workspace_owner.me.name
  }
  startup_script = "printf '%s' \\"$KUBECONFIG_DATA\\" > ~/.kube/config"
  metadata {
    key          = "load"
    display_name = "Load"
    script       = "cat /proc/loadavg"
    interval     = 10
    timeout      = 1
  }
}

locals {
  env = {
    SERVICE_PASSWORD    = var.service_password
    DB_PASSWORD         = random_password.db.result
    DEPLOY_TOKEN        = data.coder_secret.deploy_token.value
    KUBECONFIG_DATA     = data.coder_secret.kubeconfig.value
    GIT_SSH_PRIVATE_KEY = data.coder_workspace_owner.me.ssh_private_key
    CODER_SESSION_TOKEN = data.coder_workspace_owner.me.session_token
    OIDC_TOKEN          = data.coder_workspace_owner.me.oidc_access_token
    GITHUB_TOKEN        = data.coder_external_auth.github.access_token
    AGENT_TOKEN_COPY    = coder_agent.main.token
  }
}

resource "coder_env" "secret" {
  for_each = toset([
    "SERVICE_PASSWORD", "DB_PASSWORD", "DEPLOY_TOKEN", "KUBECONFIG_DATA", "GIT_SSH_PRIVATE_KEY",
    "CODER_SESSION_TOKEN", "OIDC_TOKEN", "GITHUB_TOKEN", "AGENT_TOKEN_COPY",
  ])
  agent_id = coder_agent.main.id
  name     = each.key
  value    = local.env[each.key]
}

# An anti-pattern (the secret is part of the script text), still masked as a whole.
resource "coder_script" "login" {
  agent_id     = coder_agent.main.id
  display_name = "Log in"
  run_on_start = true
  script       = "echo '\${data.coder_workspace_owner.me.session_token}' | coder login --token-stdin"
}

# What a compute resource does with the agent: run init_script with the token in its env.
# (Not in terraform_data's input: tofu copies input to its output attribute without the mark, and
# \`tofu show\` prints that in clear whichever provider minted the token.)
resource "terraform_data" "host" {
  triggers_replace = {
    token = coder_agent.main.token
  }
  input = {
    init_script = coder_agent.main.init_script
  }
}

resource "coder_metadata" "host" {
  resource_id = terraform_data.host.id
  item {
    key   = "owner"
    value = data.coder_workspace_owner.me.name
  }
  item {
    key       = "db password"
    value     = random_password.db.result
    sensitive = true
  }
  item {
    key       = "service password"
    value     = var.service_password
    sensitive = true
  }
  item {
    key       = "deploy token"
    value     = data.coder_secret.deploy_token.value
    sensitive = true
  }
}

output "agent_token" {
  value     = coder_agent.main.token
  sensitive = true
}
`;

describe('every sensitive path, through a whole workspace lifecycle', () => {
  // The whole lifecycle on protocol 6 (what tofu negotiates); plan and apply again pinned to 5.
  it.each([6, 5] as const)('no sentinel in any output or provider log line (protocol %i)', async (protocol) => {
    const full = protocol === 6;
    const wd = createWorkdir({ files: { 'main.tf': LIFECYCLE_TF }, provider: 'ours', protocol });
    const env = secretEnv();
    try {
      await init(wd, { env });
      const runs: Array<[string, Run]> = [];
      const step = async (label: string, args: string[], expectCode = 0): Promise<Run> => {
        const r = await traced(wd, args, env);
        if (r.result.code !== expectCode) throw new Error(`${label}: exit ${r.result.code}, expected ${expectCode}\n${r.result.stderr.slice(-3000)}\n${r.result.stdout.slice(-3000)}`);
        runs.push([label, r]);
        return r;
      };
      if (full) await step('validate -json', ['validate', '-json', '-no-color']);
      await step('plan', ['plan', '-input=false', '-no-color', '-out=tfplan']);
      if (full) await step('show plan', ['show', '-no-color', 'tfplan']);
      await step('apply -json', ['apply', '-json', '-input=false', 'tfplan']);
      // A re-plan refreshes: data sources read again, the agent's Read takes the prebuild token.
      await step('plan -json', ['plan', '-json', '-input=false', '-detailed-exitcode'], 0);
      if (full) {
        await step('refresh-only apply', ['apply', '-refresh-only', '-auto-approve', '-input=false', '-no-color']);
        await step('show state', ['show', '-no-color']);
        await step('output', ['output', '-no-color']);
      }

      // The values reached the state, where they belong, so the scans below are meaningful.
      const state = await showJson(wd, undefined, { env });
      const dynamic = findResource(state, 'random_password.db').values.result as string;
      expect(dynamic).toHaveLength(24);
      const agent = findResource(state, 'coder_agent.main');
      expect(agent.values.token).toBe(S.agentToken);
      expect(agent.sensitive_values.token).toBe(true);
      expect(agent.values.env).toEqual({ SERVICE_PASSWORD: S.variable, DB_PASSWORD: dynamic, OWNER: 'alice' });
      const envValue = (name: string) => findResource(state, `coder_env.secret["${name}"]`).values.value;
      expect(envValue('DEPLOY_TOKEN')).toBe(S.secretEnv);
      expect(envValue('KUBECONFIG_DATA')).toBe(S.secretFile);
      expect(envValue('GIT_SSH_PRIVATE_KEY')).toBe(SSH_KEY);
      expect(envValue('CODER_SESSION_TOKEN')).toBe(S.session);
      expect(envValue('OIDC_TOKEN')).toBe(S.oidc);
      expect(envValue('GITHUB_TOKEN')).toBe(S.externalAuth);
      expect(envValue('AGENT_TOKEN_COPY')).toBe(S.agentToken);
      expect(envValue('SERVICE_PASSWORD')).toBe(S.variable);
      expect(envValue('DB_PASSWORD')).toBe(dynamic);
      const items = findResource(state, 'coder_metadata.host').values.item as Array<{ key: string; value: string; sensitive: boolean }>;
      expect(items.filter((i) => i.sensitive).map((i) => i.value)).toEqual([dynamic, S.variable, S.secretEnv]);

      if (full) await step('destroy -json', ['destroy', '-json', '-auto-approve', '-input=false']);

      // Our provider really logged at trace level in every provider-starting command.
      for (const [label, r] of runs.filter(([l]) => l !== 'show plan' && l !== 'show state' && l !== 'output')) {
        expect({ label, providerLogLines: r.providerLog.length > 5 }).toEqual({ label, providerLogLines: true });
      }
      const secrets = [...Object.values(S), dynamic];
      const hits = runs.flatMap(([label, r]) => scanRun('ours', label, r, secrets));
      expect(hits).toEqual([]);
    } finally {
      wd.cleanup();
    }
  });
});

// ---------------------------------------------------------------------------------------------
// Error paths

const ERROR_HEADER = `${HEADER}
data "coder_workspace_owner" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  env = {
    SERVICE_PASSWORD = var.service_password
  }
}
`;

interface ErrorCase {
  name: string;
  body: string;
  /** `validate` (tofu validate -json), or `apply` (apply -json: plan-time and apply-time failures). */
  command: 'validate' | 'apply';
  summary: string | RegExp;
  /** Sentinels the Go provider is known to quote in this case (ours must not). */
  goQuotes?: string[];
  parameters?: Record<string, string>;
  extraEnv?: EnvOverlay;
}

const ERROR_CASES: ErrorCase[] = [
  {
    name: 'coder_env with an invalid name and a secret value',
    command: 'validate',
    body: `resource "coder_env" "bad" {\n  agent_id = coder_agent.main.id\n  name     = "1-NOT-A-NAME"\n  value    = var.service_password\n}\n`,
    summary: 'invalid value for name (must be a valid environment variable name)',
  },
  {
    name: 'coder_env with an invalid name and a coder_secret value',
    command: 'apply',
    body: `data "coder_secret" "t" {\n  env          = "DEPLOY_TOKEN"\n  help_message = "x"\n}\nresource "coder_env" "bad" {\n  agent_id = coder_agent.main.id\n  name     = "NOT A NAME"\n  value    = data.coder_secret.t.value\n}\n`,
    summary: 'invalid value for name (must be a valid environment variable name)',
  },
  {
    name: 'coder_metadata with a duplicate key whose values are secrets',
    command: 'apply',
    body: `resource "coder_metadata" "dup" {\n  resource_id = coder_agent.main.id\n  item {\n    key       = "token"\n    value     = data.coder_workspace_owner.me.session_token\n    sensitive = true\n  }\n  item {\n    key       = "token"\n    value     = var.service_password\n    sensitive = true\n  }\n}\n`,
    summary: 'duplicate resource metadata key "token"',
  },
  {
    name: 'coder_metadata with a duplicate key that is itself the owner session token',
    command: 'apply',
    body: `resource "coder_metadata" "dup" {\n  resource_id = coder_agent.main.id\n  item {\n    key   = data.coder_workspace_owner.me.session_token\n    value = "a"\n  }\n  item {\n    key   = data.coder_workspace_owner.me.session_token\n    value = "b"\n  }\n}\n`,
    summary: 'duplicate resource metadata key "(sensitive value)"',
    goQuotes: [S.session],
  },
  {
    name: 'coder_agent with duplicate metadata keys derived from the OIDC token',
    command: 'apply',
    body: `resource "coder_agent" "dup" {\n  os   = "linux"\n  arch = "amd64"\n  metadata {\n    key      = data.coder_workspace_owner.me.oidc_access_token\n    script   = "true"\n    interval = 5\n  }\n  metadata {\n    key      = data.coder_workspace_owner.me.oidc_access_token\n    script   = "true"\n    interval = 5\n  }\n}\n`,
    summary: 'duplicate agent metadata key "(sensitive value)"',
    goQuotes: [S.oidc],
  },
  {
    name: 'coder_script with an invalid cron whose script embeds secrets',
    command: 'validate',
    body: `resource "coder_script" "bad" {\n  agent_id     = coder_agent.main.id\n  display_name = "Sync"\n  cron         = "every five minutes"\n  script       = "curl -H 'Authorization: \${var.service_password}' https://example.test"\n}\n`,
    summary: 'every five minutes is not a valid cron expression: expected 5 to 6 fields, found 3: [every five minutes]',
  },
  {
    name: 'coder_script that fails at apply time carrying the owner token',
    command: 'apply',
    body: `resource "coder_script" "never" {\n  agent_id     = coder_agent.main.id\n  display_name = "Never runs"\n  script       = "echo \${data.coder_workspace_owner.me.session_token}"\n}\n`,
    summary: 'at least one of "run_on_start", "run_on_stop", or "cron" must be set',
  },
  {
    name: 'coder_agent with an invalid arch while a prebuild token is handed over',
    command: 'validate',
    body: `resource "coder_agent" "bad" {\n  os   = "linux"\n  arch = "x86"\n  env = {\n    TOKEN = data.coder_workspace_owner.me.session_token\n  }\n}\n`,
    summary: 'expected arch to be one of ["amd64" "armv7" "arm64"], got x86',
  },
  {
    name: 'a coder_secret missing from a start build, next to other secrets',
    command: 'apply',
    body: `data "coder_secret" "missing" {\n  env          = "NPM_TOKEN"\n  help_message = "Add an NPM_TOKEN secret."\n}\nresource "coder_env" "s" {\n  agent_id = coder_agent.main.id\n  name     = "SESSION"\n  value    = data.coder_workspace_owner.me.session_token\n}\n`,
    summary: 'Missing required secret: environment variable "NPM_TOKEN"',
  },
];

/** Types the Go provider reference (v2.18.0) lacks: coder_secret was reverted upstream. */
const goHas = (c: ErrorCase): boolean => !c.body.includes('"coder_secret"');

async function failing(c: ErrorCase, kind: ProviderKind): Promise<{ diags: Diag[]; hits: string[]; run: Run }> {
  const wd = createWorkdir({ files: { 'main.tf': ERROR_HEADER + c.body }, provider: kind });
  const env = secretEnv(c.extraEnv ?? {}, c.parameters ?? {});
  try {
    await init(wd, { env });
    const json = await traced(wd, c.command === 'validate' ? ['validate', '-json', '-no-color'] : ['apply', '-json', '-auto-approve', '-input=false'], env);
    const human = await traced(wd, c.command === 'validate' ? ['validate', '-no-color'] : ['apply', '-auto-approve', '-input=false', '-no-color'], env);
    expect({ case: c.name, json: json.result.code, human: human.result.code }).toEqual({ case: c.name, json: 1, human: 1 });
    // validate -json prints one report object; apply -json a stream of messages.
    const diags =
      c.command === 'validate'
        ? (JSON.parse(json.result.stdout) as { diagnostics: Array<{ severity: string; summary: string; detail?: string }> }).diagnostics.map((d) => ({ severity: d.severity, summary: d.summary, detail: d.detail ?? '' }))
        : jsonDiagnostics(json.result.stdout);
    const secrets = Object.values(S);
    const hits = [...scanRun(kind, `${c.name} (-json)`, json, secrets), ...scanRun(kind, `${c.name} (human)`, human, secrets)];
    return { diags, hits, run: human };
  } finally {
    wd.cleanup();
  }
}

describe('templates that fail while carrying secrets', () => {
  it.each(ERROR_CASES.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const [ours, go] = await Promise.all([failing(c, 'ours'), goHas(c) ? failing(c, 'go') : Promise.resolve(undefined)]);
    const errors = ours.diags.filter((d) => d.severity === 'error');
    expect(errors.map((d) => d.summary)).toContainEqual(c.summary);
    expect(ours.hits).toEqual([]);
    // The provider's lines were there to scan.
    expect(ours.run.providerLog.length).toBeGreaterThan(5);
    if (go) {
      // Same diagnostics as the Go provider, except that ours does not quote our own secrets.
      const redacted = go.diags.map((d) => ({ ...d, summary: redact(d.summary), detail: redact(d.detail) }));
      expect(ours.diags).toEqual(redacted);
      expect(go.hits.map((h) => h.slice(h.lastIndexOf(': ') + 2)).filter((s, i, a) => a.indexOf(s) === i)).toEqual(c.goQuotes ?? []);
    }
  });

  it('a coder_parameter validation failure quotes the value, exactly as the Go provider does (parameters are not sensitive)', async () => {
    const value = 'ghp_SECRETLOOKING0123456789abcdef';
    const body = `data "coder_parameter" "region" {\n  name = "region"\n  type = "string"\n  default = "eu-west"\n  validation {\n    regex = "^[a-z]+-[a-z]+$"\n    error = "Pick a region such as eu-west."\n  }\n}\n`;
    const c: ErrorCase = { name: 'coder_parameter', command: 'apply', body, summary: "Invalid parameter value according to 'validation' block", parameters: { region: value } };
    const [ours, go] = await Promise.all([failing(c, 'ours'), failing(c, 'go')]);
    expect(ours.diags).toEqual(go.diags);
    expect(ours.diags.filter((d) => d.severity === 'error')).toEqual([
      { severity: 'error', summary: c.summary, detail: `Pick a region such as eu-west. (value "${value}" does not match "^[a-z]+-[a-z]+$")` },
    ]);
    expect(ours.hits).toEqual([]);
  });
});

/** What ours prints in place of a secret of ours the Go provider quotes. */
const redact = (s: string): string => Object.values(S).reduce((t, v) => t.split(v).join('(sensitive value)'), s);
