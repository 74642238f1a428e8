/**
 * State portability between the Go provider and ours, through real OpenTofu, the way a user
 * switches: apply with one provider; point the CLI configuration's filesystem mirror at the other;
 * remove the dependency lock file and the cached provider package (both providers are version
 * 2.17.0, so the recorded checksum no longer matches and `init -upgrade` refuses; a plain
 * `init` would keep running the cached old binary); `tofu init`; then plan. The next plan must show
 * no changes, refreshing must keep every value (random tokens and data source ids compared by
 * shape), and a refresh-only apply must succeed. Both directions, every resource and data source
 * type (coder_secret aside: accepted.ts PORTABILITY_EXCLUDED).
 *
 * Old states: a state file written by an earlier provider, at schema version 0, holding attributes
 * the provider has since removed (coder_agent.startup_script_timeout, shutdown_script_timeout,
 * login_before_ready; coder_app.name, relative_path), is upgraded silently: plan shows no changes
 * and no diagnostics, a refresh drops the removed attributes and stores the current schema version.
 * The same file is checked with the Go provider, which must behave the same.
 *
 * Needs `npm run build` first (`npm test` and `npm run test:parity` do it).
 */
import * as crypto from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  E2E_TEST_TIMEOUT_MS,
  coderBuildEnv,
  createWorkdir,
  ensureMirror,
  hostPlatform,
  init,
  lockedProviders,
  runTofu,
  showJson,
  stateResources,
  writeWorkdirFile,
  type EnvOverlay,
  type Json,
  type ProviderKind,
  type Workdir,
} from '../e2e/harness';
import { PORTABILITY_EXCLUDED } from './accepted';
import { normalizeRandom } from './runner';

jest.setTimeout(E2E_TEST_TIMEOUT_MS * 2);

const TASK_ID = '7d8d4c2e-fb57-44f9-a183-22509819c2e7';
const APP_ID = '9a3ff7b4-4b3f-48c6-8d3a-a8118ac921fc';

/** Every resource type and every data source type of the Go reference, in one template. */
const TEMPLATE = `terraform {
  required_providers {
    coder = { source = "coder/coder" }
  }
}

provider "coder" {
  url = "https://coder.example.test:8443"
}

data "coder_workspace" "me" {}
data "coder_workspace_owner" "me" {}
data "coder_provisioner" "me" {}
data "coder_task" "me" {}
data "coder_external_auth" "github" {
  id       = "github"
  optional = true
}
data "coder_workspace_tags" "tags" {
  tags = { region = "eu" }
}
data "coder_workspace_preset" "dev" {
  name       = "dev"
  parameters = { region = "eu" }
  prebuilds {
    instances = 1
    expiration_policy {
      ttl = 3600
    }
    scheduling {
      timezone = "UTC"
      schedule {
        cron      = "* 8-18 * * 1-5"
        instances = 2
      }
    }
  }
}
data "coder_parameter" "region" {
  name    = "region"
  default = "us"
  mutable = true
  option {
    name  = "EU"
    value = "eu"
  }
  option {
    name  = "US"
    value = "us"
  }
  validation {
    regex = "^[a-z]+$"
    error = "lower case"
  }
}

resource "coder_agent" "dev" {
  os             = data.coder_provisioner.me.os == "linux" ? "linux" : "linux"
  arch           = "amd64"
  dir            = "~"
  env            = { OWNER = data.coder_workspace_owner.me.name, REGION = data.coder_parameter.region.value }
  startup_script = "echo start"
  metadata {
    key      = "load"
    script   = "uptime"
    interval = 10
  }
  display_apps {
    vscode_insiders = true
  }
  resources_monitoring {
    memory {
      enabled   = true
      threshold = 80
    }
    volume {
      path      = "/home"
      enabled   = true
      threshold = 90
    }
  }
}

resource "coder_agent_instance" "dev" {
  agent_id    = coder_agent.dev.id
  instance_id = "i-0123456789"
}

resource "coder_app" "code" {
  agent_id     = coder_agent.dev.id
  slug         = "code"
  display_name = "Code"
  url          = "http://localhost:13337"
  share        = "authenticated"
  healthcheck {
    url       = "http://localhost:13337/healthz"
    interval  = 5
    threshold = 6
  }
}

resource "coder_script" "boot" {
  agent_id     = coder_agent.dev.id
  display_name = "Boot"
  script       = "echo boot"
  cron         = "0 0 * * * *"
  run_on_start = true
}

resource "coder_env" "region" {
  agent_id = coder_agent.dev.id
  name     = "REGION"
  value    = data.coder_parameter.region.value
}

resource "coder_metadata" "agent" {
  resource_id = coder_agent.dev.id
  daily_cost  = 5
  item {
    key   = "region"
    value = data.coder_parameter.region.value
  }
  item {
    key = "empty"
  }
}

resource "coder_devcontainer" "dev" {
  agent_id         = coder_agent.dev.id
  workspace_folder = "/workspaces/project"
}

resource "coder_external_agent" "dev" {
  agent_id = coder_agent.dev.id
}

resource "coder_ai_task" "task" {
  app_id = coder_app.code.id
}

resource "coder_ai_task" "legacy" {
  sidebar_app {
    id = "${APP_ID}"
  }
}
`;

const RESOURCE_TYPES = ['coder_agent', 'coder_agent_instance', 'coder_ai_task', 'coder_app', 'coder_devcontainer', 'coder_env', 'coder_external_agent', 'coder_metadata', 'coder_script'];
const DATA_SOURCE_TYPES = [
  'coder_external_auth',
  'coder_parameter',
  'coder_provisioner',
  'coder_secret',
  'coder_task',
  'coder_workspace',
  'coder_workspace_owner',
  'coder_workspace_preset',
  'coder_workspace_tags',
].filter((t) => !PORTABILITY_EXCLUDED.some((x) => x.type === t));

const ENV: EnvOverlay = coderBuildEnv(
  { CODER_TASK_ID: TASK_ID, CODER_TASK_PROMPT: 'port me', CODER_EXTERNAL_AUTH_ACCESS_TOKEN_github: 'gh-token' },
  { parameters: { region: 'eu' } },
);

function diagnostics(stdout: string): Json[] {
  return stdout
    .split('\n')
    .filter((l) => l.startsWith('{'))
    .map((l) => JSON.parse(l) as Json)
    .filter((m) => m.type === 'diagnostic')
    .map((m) => m.diagnostic);
}

/** Points the work dir's CLI configuration at `kind`'s mirror, as a user edits ~/.tofurc. */
function useMirror(wd: Workdir, kind: ProviderKind): void {
  fs.writeFileSync(wd.cliConfigFile, `provider_installation {\n  filesystem_mirror {\n    path = ${JSON.stringify(ensureMirror(kind))}\n  }\n}\n`);
}

/** The h1: hash tofu records for an unpacked provider directory (dirhash Hash1 over its files). */
function h1(dir: string): string {
  const lines = fs
    .readdirSync(dir)
    .sort()
    .map((f) => `${crypto.createHash('sha256').update(fs.readFileSync(path.join(dir, f))).digest('hex')}  ${f}\n`);
  return `h1:${crypto.createHash('sha256').update(lines.join('')).digest('base64')}`;
}

const providerAddress = 'registry.opentofu.org/coder/coder';
const installedDir = (wd: Workdir): string => path.join(wd.dir, '.terraform', 'providers', providerAddress, '2.17.0', hostPlatform());

/** State objects, random values numbered by shape, for comparing two snapshots. */
function snapshot(show: Json): Json[] {
  const objects = stateResources(show).map((r) => ({ address: r.address, schema_version: r.schema_version, values: r.values, sensitive_values: r.sensitive_values }));
  return normalizeRandom(objects, new Set([TASK_ID, APP_ID]));
}

interface Switched {
  before: Json[];
  refreshed: Json[];
  lockBefore: string[];
  lockAfter: string[];
  installed: string;
  plan: { code: number | null; diags: Json[] };
  planNoRefresh: { code: number | null; diags: Json[] };
  refreshOnly: { code: number | null; diags: Json[] };
  afterApply: number | null;
}

async function switchProviders(from: ProviderKind, to: ProviderKind): Promise<Switched> {
  const wd = createWorkdir({ provider: from, files: { 'main.tf': TEMPLATE } });
  try {
    await init(wd);
    const applied = await runTofu(wd, ['apply', '-auto-approve', '-input=false', '-no-color', '-json'], { env: ENV });
    expect({ from, apply: applied.code, errors: diagnostics(applied.stdout).filter((d) => d.severity === 'error') }).toEqual({ from, apply: 0, errors: [] });
    const before = snapshot(await showJson(wd, undefined, { env: ENV }));
    const lockBefore = lockedProviders(wd)[providerAddress]?.hashes ?? [];

    // The switch, as a user does it.
    useMirror(wd, to);
    fs.rmSync(path.join(wd.dir, '.terraform.lock.hcl'));
    fs.rmSync(path.join(wd.dir, '.terraform', 'providers'), { recursive: true, force: true });
    await init(wd);
    const lockAfter = lockedProviders(wd)[providerAddress]?.hashes ?? [];

    const run = async (args: string[]) => {
      const r = await runTofu(wd, args, { env: ENV });
      return { code: r.code, diags: diagnostics(r.stdout) };
    };
    const plan = await run(['plan', '-detailed-exitcode', '-input=false', '-no-color', '-json']);
    const planNoRefresh = await run(['plan', '-refresh=false', '-detailed-exitcode', '-input=false', '-no-color', '-json']);
    const refreshOnly = await run(['apply', '-refresh-only', '-auto-approve', '-input=false', '-no-color', '-json']);
    const refreshed = snapshot(await showJson(wd, undefined, { env: ENV }));
    const again = await runTofu(wd, ['apply', '-auto-approve', '-input=false', '-no-color'], { env: ENV });
    return { before, refreshed, lockBefore, lockAfter, installed: h1(installedDir(wd)), plan, planNoRefresh, refreshOnly, afterApply: again.code };
  } finally {
    wd.cleanup();
  }
}

describe('state portability between the Go provider and ours', () => {
  const cases: [ProviderKind, ProviderKind][] = [
    ['go', 'ours'],
    ['ours', 'go'],
  ];
  let results: Map<string, Switched>;

  beforeAll(async () => {
    const runs = await Promise.all(cases.map(([from, to]) => switchProviders(from, to)));
    results = new Map(cases.map(([from, to], i) => [`${from}->${to}`, runs[i]!]));
  }, E2E_TEST_TIMEOUT_MS * 2);

  test('the template has every resource type and every data source type', () => {
    const s = results.get('go->ours')!.before;
    const types = new Set(s.map((o: Json) => String(o.address).replace(/^data\./, 'data:').split('.')[0]));
    expect([...types].filter((t) => !t.startsWith('data:')).sort()).toEqual(RESOURCE_TYPES);
    expect([...types].filter((t) => t.startsWith('data:')).map((t) => t.slice(5)).sort()).toEqual(DATA_SOURCE_TYPES);
  });

  test.each(cases)('%s -> %s: the switch installs the other provider (new lock hash)', (from, to) => {
    const r = results.get(`${from}->${to}`)!;
    expect(r.lockAfter).toHaveLength(1);
    expect(r.lockAfter).not.toEqual(r.lockBefore);
    // The package tofu now runs is the other provider's, hashed the way the lock file records it.
    expect(r.lockAfter).toEqual([r.installed]);
    const mirrorPackage = path.join(ensureMirror(to), providerAddress, '2.17.0', hostPlatform());
    expect(h1(mirrorPackage)).toBe(r.installed);
  });

  test.each(cases)('%s -> %s: the next plan shows no changes, with and without refresh, and no errors', (from, to) => {
    const r = results.get(`${from}->${to}`)!;
    // The only diagnostics are the template's own deprecation warnings (dir = "~", sidebar_app).
    const brief = (p: { code: number | null; diags: Json[] }) => ({ code: p.code, diags: [...new Set(p.diags.map((d) => `${d.severity}: ${d.summary}`))].sort() });
    const expected = { code: 0, diags: ['warning: Argument is deprecated'] };
    expect(brief(r.plan)).toEqual(expected);
    expect(brief(r.planNoRefresh)).toEqual(expected);
  });

  test.each(cases)('%s -> %s: a refresh keeps every value; a refresh-only apply and a plain apply succeed', (from, to) => {
    const r = results.get(`${from}->${to}`)!;
    expect(r.refreshOnly.code).toBe(0);
    expect(r.refreshOnly.diags.filter((d) => d.severity === 'error')).toEqual([]);
    expect(r.refreshed).toEqual(r.before);
    expect(r.afterApply).toBe(0);
  });
});

// ---------------------------------------------------------------------------------------------
// Old states

const AGENT_ID = '5f4e3d2c-1b0a-4987-8654-3210fedcba98';
const AGENT_TOKEN = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
const APP_RESOURCE_ID = '6e5d4c3b-2a19-4807-9f6e-5d4c3b2a1908';

const OLD_TEMPLATE = `terraform {
  required_providers {
    coder = { source = "coder/coder" }
  }
}

resource "coder_agent" "dev" {
  os             = "linux"
  arch           = "amd64"
  startup_script = "echo hi"
}

resource "coder_app" "code" {
  agent_id     = coder_agent.dev.id
  slug         = "code-server"
  display_name = "code-server"
  url          = "http://localhost:13337"
  subdomain    = false
}
`;

/** A state file as an earlier provider wrote it: schema version 0, attributes since removed. */
function oldState(): string {
  const instance = (schemaVersion: number, attributes: Record<string, unknown>, deps?: string[]) => ({
    schema_version: schemaVersion,
    attributes,
    sensitive_attributes: [],
    ...(deps ? { dependencies: deps } : {}),
  });
  return JSON.stringify(
    {
      version: 4,
      terraform_version: '1.5.7',
      serial: 3,
      lineage: 'b7b8e1e2-34c5-4d6e-8f90-a1b2c3d4e5f6',
      outputs: {},
      resources: [
        {
          mode: 'managed',
          type: 'coder_agent',
          name: 'dev',
          provider: `provider["${providerAddress}"]`,
          instances: [
            instance(0, {
              id: AGENT_ID,
              os: 'linux',
              arch: 'amd64',
              auth: 'token',
              api_key_scope: 'all',
              connection_timeout: 120,
              startup_script: 'echo hi',
              startup_script_behavior: 'non-blocking',
              startup_script_timeout: 300,
              shutdown_script: null,
              shutdown_script_timeout: 300,
              login_before_ready: true,
              dir: null,
              env: null,
              init_script: '',
              motd_file: null,
              troubleshooting_url: null,
              token: AGENT_TOKEN,
              metadata: [],
            }),
          ],
        },
        {
          mode: 'managed',
          type: 'coder_app',
          name: 'code',
          provider: `provider["${providerAddress}"]`,
          instances: [
            instance(
              0,
              {
                id: APP_RESOURCE_ID,
                agent_id: AGENT_ID,
                name: 'code-server',
                relative_path: true,
                slug: 'code-server',
                display_name: 'code-server',
                url: 'http://localhost:13337',
                subdomain: false,
                share: 'owner',
                open_in: 'slim-window',
                external: false,
                hidden: false,
                command: null,
                icon: null,
                group: null,
                order: null,
                tooltip: null,
                healthcheck: [],
              },
              ['coder_agent.dev'],
            ),
          ],
        },
      ],
    },
    null,
    2,
  );
}

const REMOVED: Record<string, string[]> = {
  coder_agent: ['startup_script_timeout', 'shutdown_script_timeout', 'login_before_ready'],
  coder_app: ['name', 'relative_path'],
};

async function upgradeOld(kind: ProviderKind) {
  const wd = createWorkdir({ provider: kind, files: { 'main.tf': OLD_TEMPLATE } });
  try {
    writeWorkdirFile(wd, 'terraform.tfstate', oldState());
    await init(wd);
    const run = async (args: string[]) => {
      const r = await runTofu(wd, args, { env: {} });
      return { code: r.code, diags: diagnostics(r.stdout), stderr: r.stderr };
    };
    const plan = await run(['plan', '-detailed-exitcode', '-input=false', '-no-color', '-json']);
    const refresh = await run(['apply', '-refresh-only', '-auto-approve', '-input=false', '-no-color', '-json']);
    const state = await showJson(wd);
    const replan = await run(['plan', '-detailed-exitcode', '-input=false', '-no-color', '-json']);
    const objects = stateResources(state).map((r) => ({ type: r.type, schema_version: r.schema_version, values: r.values }));
    return { plan, refresh, objects, replan };
  } finally {
    wd.cleanup();
  }
}

describe('old states with attributes the provider has since removed', () => {
  let ours: Awaited<ReturnType<typeof upgradeOld>>;
  let go: Awaited<ReturnType<typeof upgradeOld>>;

  beforeAll(async () => {
    [ours, go] = await Promise.all([upgradeOld('ours'), upgradeOld('go')]);
  }, E2E_TEST_TIMEOUT_MS);

  test('plan shows no changes and no diagnostics', () => {
    expect({ code: ours.plan.code, diags: ours.plan.diags }).toEqual({ code: 0, diags: [] });
    expect({ code: go.plan.code, diags: go.plan.diags }).toEqual({ code: 0, diags: [] });
  });

  test('a refresh succeeds, drops the removed attributes and stores the current schema version, as the Go provider does', () => {
    expect({ code: ours.refresh.code, diags: ours.refresh.diags }).toEqual({ code: 0, diags: [] });
    for (const o of ours.objects) {
      for (const gone of REMOVED[o.type] ?? []) expect({ type: o.type, [gone]: gone in o.values }).toEqual({ type: o.type, [gone]: false });
    }
    expect(ours.objects.map((o) => [o.type, o.schema_version])).toEqual([
      ['coder_agent', 1],
      ['coder_app', 1],
    ]);
    // Same values as the Go provider, the refreshed token aside.
    const fixed = new Set([AGENT_ID, APP_RESOURCE_ID]);
    expect(normalizeRandom(ours.objects, fixed)).toEqual(normalizeRandom(go.objects, fixed));
    const agent = ours.objects.find((o) => o.type === 'coder_agent')!.values;
    expect(agent).toMatchObject({ id: AGENT_ID, startup_script: 'echo hi', api_key_scope: 'all' });
    // Read fills in display_apps, which the old state did not have.
    expect(agent.display_apps).toEqual([{ port_forwarding_helper: true, ssh_helper: true, vscode: true, vscode_insiders: false, web_terminal: true }]);
  });

  test('and the next plan still shows no changes', () => {
    expect({ code: ours.replan.code, diags: ours.replan.diags }).toEqual({ code: 0, diags: [] });
    expect({ code: go.replan.code, diags: go.replan.diags }).toEqual({ code: 0, diags: [] });
  });
});

