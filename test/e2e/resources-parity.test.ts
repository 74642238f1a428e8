/**
 * Differential tests: the same templates for coder_app, coder_script, coder_devcontainer,
 * coder_external_agent, coder_agent_instance and coder_ai_task are run through real OpenTofu with
 * our provider (dist/terraform-provider-coder) and with the real Go provider, and what tofu
 * reports is compared: planned values, `show -json` state (random UUIDs compared by shape),
 * diagnostics (validate, plan and apply time), tainted objects, replacement plans, and an empty
 * second plan after apply.
 *
 * Needs `npm run build` first (`npm test` does it).
 */
import {
  E2E_TEST_TIMEOUT_MS,
  apply,
  coderBuildEnv,
  createWorkdir,
  destroy,
  init,
  planDetailedExitCode,
  providersSchemaJson,
  runTofu,
  showJson,
  stateResources,
  validate,
  writeWorkdirFile,
  type EnvOverlay,
  type Json,
  type ProviderKind,
  type Workdir,
} from './harness';

jest.setTimeout(E2E_TEST_TIMEOUT_MS * 2);

const MY_TYPES = new Set(['coder_app', 'coder_script', 'coder_devcontainer', 'coder_external_agent', 'coder_agent_instance', 'coder_ai_task']);

const TASK_ID = '7d8d4c2e-fb57-44f9-a183-22509819c2e7';
const APP_UUID = '9a3ff7b4-4b3f-48c6-8d3a-a8118ac921fc';
/** UUIDs that come from templates or env and must compare exactly. */
const FIXED = new Set([TASK_ID, APP_UUID]);
const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const HEADER = `terraform {
  required_providers {
    coder = { source = "coder/coder" }
  }
}
provider "coder" {}
`;

/** Random v4 UUIDs become a placeholder (shape checked), everything else stays. */
function norm(v: Json): Json {
  if (typeof v === 'string') return V4.test(v) && !FIXED.has(v) ? '<uuid-v4>' : v;
  if (Array.isArray(v)) return v.map(norm);
  if (v && typeof v === 'object') {
    const o: Record<string, Json> = {};
    for (const k of Object.keys(v).sort()) o[k] = norm(v[k]);
    return o;
  }
  return v;
}

const byJson = (a: unknown, b: unknown): number => JSON.stringify(a).localeCompare(JSON.stringify(b));

/** Our resources of a `show -json` state, normalised. */
function myState(show: Json): Json[] {
  return stateResources(show)
    .filter((r) => MY_TYPES.has(r.type))
    .map((r) => ({
      address: r.address,
      schema_version: r.schema_version,
      tainted: (r as Json).tainted ?? false,
      values: norm(r.values),
      sensitive_values: r.sensitive_values,
    }))
    .sort(byJson);
}

/** Our resources' changes in a `show -json <plan>`, normalised. */
function myChanges(plan: Json): Json[] {
  return (plan.resource_changes ?? [])
    .filter((c: Json) => MY_TYPES.has(c.type))
    .map((c: Json) => ({
      address: c.address,
      action_reason: c.action_reason ?? null,
      actions: c.change.actions,
      before: norm(c.change.before),
      after: norm(c.change.after),
      after_unknown: c.change.after_unknown,
      replace_paths: c.change.replace_paths ?? null,
    }))
    .sort(byJson);
}

interface Diag {
  severity: string;
  summary: string;
  detail: string;
  address?: string;
  line?: number;
}

/** Diagnostics of a `-json` UI stream (plan/apply), reduced to what must match. */
function streamDiags(stdout: string): Diag[] {
  const out: Diag[] = [];
  for (const line of stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    const m = JSON.parse(line) as Json;
    if (m.type !== 'diagnostic') continue;
    const d = m.diagnostic;
    out.push({ severity: d.severity, summary: d.summary, detail: d.detail ?? '', address: d.address ?? '', line: d.range?.start?.line ?? 0 });
  }
  return out.sort(byJson);
}

function validateDiags(v: { diagnostics: Json[] }): Diag[] {
  return v.diagnostics
    .map((d: Json) => ({ severity: d.severity, summary: d.summary, detail: d.detail ?? '', line: d.range?.start?.line ?? 0 }))
    .sort(byJson);
}

async function both<T>(fn: (kind: ProviderKind) => Promise<T>): Promise<{ ours: T; go: T }> {
  const [ours, go] = await Promise.all([fn('ours'), fn('go')]);
  return { ours, go };
}

/** `protocol` applies to our provider only (the Go provider speaks 5); unset = tofu picks 6. */
async function setup(kind: ProviderKind, tf: string, protocol?: 5 | 6): Promise<Workdir> {
  const wd = createWorkdir({ provider: kind, files: { 'main.tf': HEADER + tf }, ...(kind === 'ours' && protocol ? { protocol } : {}) });
  await init(wd);
  return wd;
}

const env = (o: EnvOverlay = {}): EnvOverlay => coderBuildEnv(o);

async function applyJson(wd: Workdir, e: EnvOverlay, extra: string[] = []): Promise<{ code: number | null; diags: Diag[]; stderr: string }> {
  const r = await runTofu(wd, ['apply', '-auto-approve', '-input=false', '-no-color', '-json', ...extra], { env: e });
  return { code: r.code, diags: streamDiags(r.stdout), stderr: r.stderr };
}

async function planJson(wd: Workdir, e: EnvOverlay): Promise<{ changes: Json[]; diags: Diag[]; code: number | null }> {
  const r = await runTofu(wd, ['plan', '-input=false', '-no-color', '-json', '-out=tfplan'], { env: e });
  if (r.code !== 0) return { changes: [], diags: streamDiags(r.stdout), code: r.code };
  return { changes: myChanges(await showJson(wd, 'tfplan', { env: e })), diags: streamDiags(r.stdout), code: r.code };
}

// ---------------------------------------------------------------------------------------------
// Templates

const MAIN = `
resource "coder_agent" "dev" {
  os   = "linux"
  arch = "amd64"
}

resource "coder_app" "minimal" {
  agent_id = coder_agent.dev.id
  slug     = "minimal"
}

resource "coder_app" "full" {
  agent_id     = coder_agent.dev.id
  slug         = "code-server"
  display_name = "code-server"
  icon         = "builtin:vim"
  subdomain    = false
  url          = "http://localhost:13337"
  healthcheck {
    url       = "http://localhost:13337/healthz"
    interval  = 5
    threshold = 6
  }
  group   = "Apps"
  order   = 4
  hidden  = false
  open_in = "tab"
  share   = "authenticated"
  tooltip = "You need to [Install Coder Desktop](https://coder.com/docs/user-guides/desktop#install-coder-desktop) to use this button."
}

resource "coder_app" "external" {
  agent_id = coder_agent.dev.id
  slug     = "docs"
  url      = "https://coder.com/docs"
  external = true
}

resource "coder_app" "command" {
  agent_id = coder_agent.dev.id
  slug     = "htop"
  command  = "htop"
}

resource "coder_app" "zeroes" {
  agent_id     = coder_agent.dev.id
  slug         = "zeroes"
  display_name = ""
  icon         = ""
  order        = 0
  group        = ""
  tooltip      = ""
}

resource "coder_app" "hidden" {
  agent_id     = coder_agent.dev.id
  slug         = "hidden"
  hidden       = true
  display_name = "Hidden App"
  icon         = "/icon/code.svg"
  order        = 3
}

resource "coder_app" "hidden_quiet" {
  agent_id     = coder_agent.dev.id
  slug         = "hidden-quiet"
  hidden       = true
  display_name = ""
  order        = 0
}

resource "coder_script" "start" {
  agent_id     = coder_agent.dev.id
  display_name = "Start"
  script       = "echo start"
  run_on_start = true
}

resource "coder_script" "full" {
  agent_id           = coder_agent.dev.id
  display_name       = "Everything"
  script             = "echo all"
  icon               = "/icon/terminal.svg"
  log_path           = "everything.log"
  cron               = "0 */5 * * * *"
  run_on_start       = true
  run_on_stop        = true
  start_blocks_login = true
  timeout            = 60
}

resource "coder_script" "unix_cron" {
  agent_id     = "some id"
  display_name = "Hey"
  script       = "Wow"
  cron         = "* * * * *"
}

resource "coder_script" "empty_agent" {
  agent_id           = ""
  display_name       = "Hey"
  script             = "Wow"
  start_blocks_login = true
  run_on_start       = true
}

resource "coder_devcontainer" "with_config" {
  agent_id         = coder_agent.dev.id
  workspace_folder = "/workspace"
  config_path      = "/workspace/devcontainer.json"
}

resource "coder_devcontainer" "plain" {
  agent_id         = "king"
  workspace_folder = "/workspace"
}

resource "coder_external_agent" "ext" {
  agent_id = coder_agent.dev.id
}

resource "coder_agent_instance" "inst" {
  agent_id    = coder_agent.dev.id
  instance_id = "hello"
}

resource "coder_ai_task" "task" {
  app_id = coder_app.minimal.id
}

resource "coder_ai_task" "legacy" {
  sidebar_app {
    id = coder_app.full.id
  }
}

resource "coder_ai_task" "literal" {
  app_id = "${APP_UUID}"
}
`;

describe('resources parity: our provider vs the Go provider through OpenTofu', () => {
  test.each([6, 5] as const)('create (ours on protocol %i): plan, apply diagnostics, state, empty re-plan (with and without refresh), destroy', async (protocol) => {
    const e = env({ CODER_TASK_ID: TASK_ID, CODER_TASK_PROMPT: 'some task prompt' });
    const r = await both(async (kind) => {
      const wd = await setup(kind, MAIN, protocol);
      const p = await planJson(wd, e);
      expect(p.code).toBe(0);
      const a = await runTofu(wd, ['apply', '-input=false', '-no-color', '-json', 'tfplan'], { env: e });
      expect(a.code).toBe(0);
      const state = await showJson(wd, undefined, { env: e });
      const replan = await planDetailedExitCode(wd, { env: e });
      const replanNoRefresh = await planDetailedExitCode(wd, { env: e, args: ['-refresh=false'] });
      await destroy(wd, { env: e });
      const after = await showJson(wd, undefined, { env: e });
      return { plan: p.changes, planDiags: p.diags, applyDiags: streamDiags(a.stdout), state: myState(state), raw: state, replan: replan.code, replanNoRefresh: replanNoRefresh.code, after: myState(after) };
    });
    if (process.env.DEBUG_PARITY) process.stderr.write(JSON.stringify({ ...r.ours, raw: undefined }, null, 1) + '\n');
    expect(r.ours.plan).toEqual(r.go.plan);
    expect(r.ours.planDiags).toEqual(r.go.planDiags);
    expect(r.ours.applyDiags).toEqual(r.go.applyDiags);
    expect(r.ours.state).toEqual(r.go.state);
    expect([r.ours.replan, r.ours.replanNoRefresh]).toEqual([0, 0]);
    expect([r.go.replan, r.go.replanNoRefresh]).toEqual([0, 0]);
    expect(r.ours.after).toEqual([]);

    // Not vacuous: the expected things are there.
    expect(r.ours.state.length).toBe(18);
    const warnings = r.ours.applyDiags.filter((d) => d.severity === 'warning').map((d) => `${d.address}: ${d.summary}`);
    expect(warnings).toEqual(
      expect.arrayContaining([
        'coder_app.hidden: `display_name` set when app is hidden',
        'coder_app.hidden: `icon` set when app is hidden',
        'coder_app.hidden: `order` set when app is hidden',
      ]),
    );
    expect(warnings.filter((w) => w.startsWith('coder_app.hidden_quiet'))).toEqual([]);
    const task = r.ours.state.find((s) => s.address === 'coder_ai_task.task');
    expect(task.values).toEqual({ app_id: '<uuid-v4>', enabled: true, id: TASK_ID, prompt: 'some task prompt', sidebar_app: [] });
    // Raw values are real v4 UUIDs.
    const devc = stateResources(r.ours.raw).find((x) => x.address === 'coder_devcontainer.plain')!;
    expect(devc.values.subagent_id).toMatch(V4);
    expect(devc.values.id).toMatch(V4);
    // Go TestExternalAgent/OK and TestAgent_Instance: agent_id is the agent's id.
    const agentId = stateResources(r.ours.raw).find((x) => x.address === 'coder_agent.dev')!.values.id;
    expect(stateResources(r.ours.raw).find((x) => x.address === 'coder_external_agent.ext')!.values.agent_id).toBe(agentId);
    expect(stateResources(r.ours.raw).find((x) => x.address === 'coder_agent_instance.inst')!.values).toMatchObject({ agent_id: agentId, instance_id: 'hello' });
  });

  test('schema: same attributes, blocks, flags and versions (descriptions are our own words)', async () => {
    const strip = (v: Json): Json => {
      if (Array.isArray(v)) return v.map(strip);
      if (v && typeof v === 'object') {
        const o: Record<string, Json> = {};
        for (const k of Object.keys(v).sort()) if (k !== 'description') o[k] = strip(v[k]);
        return o;
      }
      return v;
    };
    const r = await both(async (kind) => {
      const schema = await providersSchemaJson(await setup(kind, ''));
      const p = Object.values(schema.provider_schemas)[0] as Json;
      return Object.fromEntries([...MY_TYPES].map((t) => [t, strip(p.resource_schemas[t])]));
    });
    expect(r.ours).toEqual(r.go);
    expect(r.ours.coder_ai_task.block.block_types.sidebar_app.block.deprecation_message).toBe('This field has been deprecated in favor of the `app_id` field.');
  });

  test('validate: diagnostics of invalid configurations match', async () => {
    const INVALID = `
resource "coder_app" "bad_slug" {
  agent_id = "a"
  slug     = "Bad--Slug-"
}
resource "coder_app" "bad_values" {
  agent_id     = "a"
  slug         = "values"
  share        = "blah"
  open_in      = "nonsense"
  icon         = "/icon%.svg"
  display_name = "${'x'.repeat(65)}"
  group        = "${'é'.repeat(33)}"
  tooltip      = "${'a'.repeat(2049)}"
}
resource "coder_app" "command_subdomain_false" {
  agent_id  = "a"
  slug      = "c1"
  command   = "ls"
  subdomain = false
}
resource "coder_app" "url_command" {
  agent_id = "a"
  slug     = "c2"
  command  = "ls"
  url      = ""
}
resource "coder_app" "healthcheck_command" {
  agent_id = "a"
  slug     = "c3"
  command  = "ls"
  healthcheck {
    url       = "http://localhost/healthz"
    interval  = 5
    threshold = 6
  }
}
resource "coder_app" "external_false_share" {
  agent_id = "a"
  slug     = "c4"
  external = false
  share    = "owner"
}
resource "coder_app" "external_all" {
  agent_id  = "a"
  slug      = "c5"
  external  = true
  subdomain = true
  share     = "public"
  command   = "ls"
}
resource "coder_app" "ok_url_subdomain" {
  agent_id  = "a"
  slug      = "c6"
  url       = "http://localhost:8080"
  subdomain = true
  share     = "public"
}
resource "coder_app" "healthcheck_missing" {
  agent_id = "a"
  slug     = "c7"
  healthcheck {
    url      = "http://localhost/healthz"
    interval = 5
  }
}
resource "coder_app" "no_slug" {
  agent_id = "a"
}
resource "coder_app" "fraction" {
  agent_id = "a"
  slug     = "fraction"
  order    = 1.5
}
resource "coder_script" "timeout_zero" {
  agent_id     = "a"
  display_name = "t"
  script       = "s"
  run_on_start = true
  timeout      = 0
}
resource "coder_script" "timeout_negative" {
  agent_id     = "a"
  display_name = "t"
  script       = "s"
  run_on_start = true
  timeout      = -5
}
resource "coder_script" "cron_empty" {
  agent_id     = "a"
  display_name = "t"
  script       = "s"
  cron         = ""
}
resource "coder_script" "cron_invalid" {
  agent_id     = "a"
  display_name = "t"
  script       = "s"
  cron         = "invalid"
}
resource "coder_script" "cron_seven" {
  agent_id     = "a"
  display_name = "t"
  script       = "s"
  cron         = "0 0 0 0 0 0 0"
}
resource "coder_script" "cron_unix" {
  agent_id     = "a"
  display_name = "t"
  script       = "s"
  cron         = "*/5 * * * *"
}
resource "coder_script" "cron_range" {
  agent_id     = "a"
  display_name = "t"
  script       = "s"
  cron         = "0 0 25 * * *"
}
resource "coder_script" "cron_descriptor" {
  agent_id     = "a"
  display_name = "t"
  script       = "s"
  cron         = "@fortnightly"
}
resource "coder_script" "cron_case_0" {
  agent_id     = "a"
  display_name = "t"
  script       = "s"
  cron         = "TZ=UTC * * * *"
}
resource "coder_script" "cron_case_1" {
  agent_id     = "a"
  display_name = "t"
  script       = "s"
  cron         = "CRON_TZ=Europe/Berlin 0 0 9 * * *"
}
resource "coder_script" "cron_case_2" {
  agent_id     = "a"
  display_name = "t"
  script       = "s"
  cron         = "TZ=Bad/Zone 0 0 9 * * *"
}
resource "coder_script" "cron_case_3" {
  agent_id     = "a"
  display_name = "t"
  script       = "s"
  cron         = "@every 1h"
}
resource "coder_script" "cron_case_4" {
  agent_id     = "a"
  display_name = "t"
  script       = "s"
  cron         = "@every 1x"
}
resource "coder_script" "cron_case_5" {
  agent_id     = "a"
  display_name = "t"
  script       = "s"
  cron         = "0 0 9 * * mon-fri"
}
resource "coder_script" "cron_case_6" {
  agent_id     = "a"
  display_name = "t"
  script       = "s"
  cron         = "0 0 9 ? * *"
}
resource "coder_script" "cron_case_7" {
  agent_id     = "a"
  display_name = "t"
  script       = "s"
  cron         = "-1 * * * * *"
}
resource "coder_script" "cron_case_8" {
  agent_id     = "a"
  display_name = "t"
  script       = "s"
  cron         = "*/0 * * * * *"
}
resource "coder_script" "cron_case_9" {
  agent_id     = "a"
  display_name = "t"
  script       = "s"
  cron         = "1-2-3 * * * * *"
}
resource "coder_script" "cron_case_10" {
  agent_id     = "a"
  display_name = "t"
  script       = "s"
  cron         = "0 0 9 * * 7"
}
resource "coder_script" "cron_case_11" {
  agent_id     = "a"
  display_name = "t"
  script       = "s"
  cron         = "@hourly"
}
resource "coder_script" "cron_case_12" {
  agent_id     = "a"
  display_name = "t"
  script       = "s"
  cron         = " 0 22 * * * "
}
resource "coder_script" "cron_case_13" {
  agent_id     = "a"
  display_name = "t"
  script       = "s"
  cron         = "0\t22 * * *"
}
resource "coder_script" "no_script" {
  agent_id     = "a"
  display_name = "t"
}
resource "coder_devcontainer" "empty_folder" {
  agent_id         = "king"
  workspace_folder = ""
}
resource "coder_devcontainer" "no_folder" {
  agent_id = "king"
}
resource "coder_devcontainer" "subagent" {
  agent_id         = "king"
  workspace_folder = "/w"
  subagent_id      = "x"
}
resource "coder_external_agent" "none" {
}
resource "coder_agent_instance" "no_instance" {
  agent_id = "a"
}
resource "coder_ai_task" "bad_app" {
  app_id = "not-a-uuid"
}
resource "coder_ai_task" "braces" {
  app_id = "{${APP_UUID}}"
}
resource "coder_ai_task" "conflict" {
  app_id = "${APP_UUID}"
  sidebar_app {
    id = "${APP_UUID}"
  }
}
resource "coder_ai_task" "sidebar_bad" {
  sidebar_app {
    id = "nope"
  }
}
resource "coder_ai_task" "sidebar_two" {
  sidebar_app {
    id = "${APP_UUID}"
  }
  sidebar_app {
    id = "11111111-2222-4333-8444-555555555555"
  }
}
resource "coder_ai_task" "set_id" {
  app_id = "${APP_UUID}"
  id     = "${APP_UUID}"
}
resource "coder_ai_task" "set_enabled" {
  app_id  = "${APP_UUID}"
  enabled = true
}
`;
    const r = await both(async (kind) => validateDiags(await validate(await setup(kind, INVALID))));
    if (process.env.DEBUG_PARITY) process.stderr.write(JSON.stringify({ ours: r.ours, go: r.go }, null, 1) + '\n');
    expect(r.ours).toEqual(r.go);
    // Not vacuous.
    const summaries = r.ours.map((d) => d.summary + (d.detail ? ` / ${d.detail}` : ''));
    expect(summaries).toEqual(
      expect.arrayContaining([
        'invalid app share "blah", must be one of "owner", "authenticated", "public"',
        'parse "/icon%.svg": invalid URL escape "%.s"',
        'Conflicting configuration arguments / "external": conflicts with share',
        'Conflicting configuration arguments / "command": conflicts with subdomain',
        'expected timeout to be at least (1), got 0',
        ' is not a valid cron expression: empty spec string',
        'expected "workspace_folder" to not be an empty string, got ',
        'expected "app_id" to be a valid UUID, got not-a-uuid',
      ]),
    );
  });

  test('validate: references that are unknown at validate time', async () => {
    // At `tofu validate` every resource attribute reference is unknown. The SDK skips an unknown
    // value's own checks, but a ConflictsWith key that holds a *block containing* an unknown still
    // counts as set (only a wholly unknown value is deferred).
    const UNKNOWNS = `
resource "coder_app" "a" {
  agent_id = "a"
  slug     = "a"
}
resource "coder_ai_task" "literal_and_unknown_sidebar" {
  app_id = "${APP_UUID}"
  sidebar_app {
    id = coder_app.a.id
  }
}
resource "coder_ai_task" "unknown_both" {
  app_id = coder_app.a.id
  sidebar_app {
    id = coder_app.a.id
  }
}
resource "coder_app" "command_and_unknown_healthcheck" {
  agent_id = "a"
  slug     = "b"
  command  = "ls"
  healthcheck {
    url       = coder_app.a.id
    interval  = 5
    threshold = 6
  }
}
resource "coder_app" "external_and_unknown_healthcheck" {
  agent_id = "a"
  slug     = "d"
  external = true
  healthcheck {
    url       = coder_app.a.id
    interval  = 5
    threshold = 6
  }
}
resource "coder_app" "unknown_command_and_url" {
  agent_id = "a"
  slug     = "c"
  command  = coder_app.a.id
  url      = "http://localhost"
}
resource "coder_script" "unknown_cron" {
  agent_id     = "a"
  display_name = "t"
  script       = "s"
  cron         = coder_app.a.id
}
`;
    const r = await both(async (kind) => validateDiags(await validate(await setup(kind, UNKNOWNS))));
    expect(r.ours).toEqual(r.go);
    expect(r.ours.map((d) => d.detail).sort()).toEqual(['"app_id": conflicts with sidebar_app', '"external": conflicts with healthcheck']);
  });

  test('apply-time errors leave tainted objects; diagnostics and state match', async () => {
    const ERRORS = `
resource "coder_script" "never" {
  agent_id     = "a"
  display_name = "Hey"
  script       = "Wow"
}
resource "coder_script" "blocks_login" {
  agent_id           = "a"
  display_name       = "Hey"
  script             = "Wow"
  run_on_stop        = true
  start_blocks_login = true
}
resource "coder_ai_task" "no_app" {
}
resource "coder_script" "fine" {
  agent_id     = "a"
  display_name = "ok"
  script       = "ok"
  run_on_stop  = true
}
`;
    const e = env({ CODER_TASK_ID: TASK_ID, CODER_TASK_PROMPT: 'p' });
    const r = await both(async (kind) => {
      const wd = await setup(kind, ERRORS);
      const a = await applyJson(wd, e);
      const state = myState(await showJson(wd, undefined, { env: e }));
      const replan = await planJson(wd, e);
      return { code: a.code, diags: a.diags, state, replan: replan.changes };
    });
    expect(r.ours.code).toBe(1);
    expect(r.go.code).toBe(1);
    expect(r.ours.diags).toEqual(r.go.diags);
    expect(r.ours.state).toEqual(r.go.state);
    expect(r.ours.replan).toEqual(r.go.replan);
    expect(r.ours.diags.filter((d) => d.severity === 'error').map((d) => d.summary)).toEqual(
      expect.arrayContaining([
        "'app_id' must be set",
        'at least one of "run_on_start", "run_on_stop", or "cron" must be set',
        '"start_blocks_login" can only be set if "run_on_start" is "true"',
      ]),
    );
    expect(r.ours.state.filter((s) => s.tainted).map((s) => s.address)).toEqual(['coder_ai_task.no_app', 'coder_script.blocks_login', 'coder_script.never']);
  });

  test('coder_ai_task: CODER_TASK_ID / CODER_TASK_PROMPT variants', async () => {
    const TASKS = `
resource "coder_app" "ai" {
  agent_id = "a"
  slug     = "ai"
}
resource "coder_ai_task" "t" {
  app_id = coder_app.ai.id
}
resource "coder_ai_task" "legacy" {
  sidebar_app {
    id = "${APP_UUID}"
  }
}
`;
    const variants: EnvOverlay[] = [
      {},
      { CODER_TASK_ID: TASK_ID, CODER_TASK_PROMPT: 'some task prompt' },
      { CODER_TASK_ID: `{${TASK_ID.toUpperCase()}}` },
      { CODER_TASK_ID: `URN:uuid:${TASK_ID}`, CODER_TASK_PROMPT: '' },
      { CODER_TASK_ID: TASK_ID.replace(/-/g, '') },
      { CODER_TASK_ID: 'not a valid UUID', CODER_TASK_PROMPT: 'prompt without a task' },
      { CODER_TASK_ID: '00000000-0000-0000-0000-000000000000' },
      { CODER_TASK_ID: '' },
    ];
    const r = await both(async (kind) => {
      const wd = await setup(kind, TASKS);
      const out: Json[] = [];
      for (const [i, v] of variants.entries()) {
        const e = env(v);
        const a = await applyJson(wd, e, i === 0 ? [] : ['-replace=coder_ai_task.t', '-replace=coder_ai_task.legacy']);
        expect(a.code).toBe(0);
        const state = myState(await showJson(wd, undefined, { env: e }));
        const replan = await planDetailedExitCode(wd, { env: e });
        out.push({ variant: v, diags: a.diags, state, replan: replan.code });
      }
      return out;
    });
    expect(r.ours).toEqual(r.go);
    const ids = r.ours.map((x) => x.state.find((s: Json) => s.address === 'coder_ai_task.t').values);
    expect(ids.map((v) => [v.id, v.enabled, v.prompt])).toEqual([
      ['<uuid-v4>', false, null],
      [TASK_ID, true, 'some task prompt'],
      [TASK_ID, true, null],
      [TASK_ID, true, null],
      [TASK_ID, true, null],
      ['<uuid-v4>', false, 'prompt without a task'],
      ['<uuid-v4>', false, null],
      ['<uuid-v4>', false, null],
    ]);
    expect(r.ours.every((x) => x.replan === 0)).toBe(true);
  });

  test('changes: replacement plans, and zero values over nulls that plan nothing', async () => {
    const BEFORE = `
resource "coder_app" "a" {
  agent_id = "a"
  slug     = "a"
}
resource "coder_app" "zero" {
  agent_id = "a"
  slug     = "zero"
}
resource "coder_app" "hc" {
  agent_id = "a"
  slug     = "hc"
  healthcheck {
    url       = "http://localhost/healthz"
    interval  = 5
    threshold = 6
  }
}
resource "coder_script" "s" {
  agent_id     = "a"
  display_name = "s"
  script       = "s"
  run_on_start = true
}
resource "coder_script" "defaults" {
  agent_id     = "a"
  display_name = "d"
  script       = "d"
  run_on_start = true
}
resource "coder_devcontainer" "d" {
  agent_id         = "a"
  workspace_folder = "/w"
}
resource "coder_external_agent" "e" {
  agent_id = "a"
}
resource "coder_agent_instance" "i" {
  agent_id    = "a"
  instance_id = "one"
}
resource "coder_ai_task" "sidebar" {
  sidebar_app {
    id = "${APP_UUID}"
  }
}
resource "coder_ai_task" "app" {
  app_id = "${APP_UUID}"
}
`;
    const AFTER = `
resource "coder_app" "a" {
  agent_id = "a"
  slug     = "renamed"
}
resource "coder_app" "zero" {
  agent_id     = "a"
  slug         = "zero"
  subdomain    = false
  order        = 0
  display_name = ""
  share        = "owner"
  hidden       = false
}
resource "coder_app" "hc" {
  agent_id = "a"
  slug     = "hc"
  healthcheck {
    url       = "http://localhost/healthz"
    interval  = 10
    threshold = 6
  }
}
resource "coder_script" "s" {
  agent_id     = "a"
  display_name = "s"
  script       = "s"
  run_on_start = true
  timeout      = 30
}
resource "coder_script" "defaults" {
  agent_id           = "a"
  display_name       = "d"
  script             = "d"
  run_on_start       = true
  run_on_stop        = false
  start_blocks_login = false
}
resource "coder_devcontainer" "d" {
  agent_id         = "a"
  workspace_folder = "/w"
  config_path      = "/w/.devcontainer/devcontainer.json"
}
resource "coder_external_agent" "e" {
  agent_id = "b"
}
resource "coder_agent_instance" "i" {
  agent_id    = "a"
  instance_id = "two"
}
resource "coder_ai_task" "sidebar" {
  app_id = "${APP_UUID}"
}
resource "coder_ai_task" "app" {
  app_id = "11111111-2222-4333-8444-555555555555"
}
`;
    const e = env();
    const r = await both(async (kind) => {
      const wd = await setup(kind, BEFORE);
      await apply(wd, { env: e });
      writeWorkdirFile(wd, 'main.tf', HEADER + AFTER);
      const p = await planJson(wd, e);
      const a = await applyJson(wd, e);
      const replan = await planDetailedExitCode(wd, { env: e });
      return { plan: p.changes, planDiags: p.diags, applyCode: a.code, applyDiags: a.diags, state: myState(await showJson(wd, undefined, { env: e })), replan: replan.code };
    });
    expect(r.ours.plan).toEqual(r.go.plan);
    expect(r.ours.planDiags).toEqual(r.go.planDiags);
    expect(r.ours.applyDiags).toEqual(r.go.applyDiags);
    expect(r.ours.state).toEqual(r.go.state);
    expect([r.ours.applyCode, r.go.applyCode, r.ours.replan, r.go.replan]).toEqual([0, 0, 0, 0]);
    const actions = Object.fromEntries(r.ours.plan.map((c) => [c.address, c.actions.join(',')]));
    expect(actions).toEqual({
      'coder_agent_instance.i': 'delete,create',
      'coder_ai_task.app': 'delete,create',
      'coder_ai_task.sidebar': 'delete,create',
      'coder_app.a': 'delete,create',
      'coder_app.hc': 'delete,create',
      'coder_app.zero': 'no-op',
      'coder_devcontainer.d': 'delete,create',
      'coder_external_agent.e': 'delete,create',
      'coder_script.defaults': 'no-op',
      'coder_script.s': 'delete,create',
    });
  });
});
