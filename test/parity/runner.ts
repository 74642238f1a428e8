/**
 * Runs the parity corpus through real tofu with the Go provider and ours.
 *
 * Cases are batched: cases with the same phase and expectation whose environments agree on every
 * variable they read (see READS) become child modules `c_<n>` of one root module, so one
 * validate/plan/apply covers them all. tofu reports every diagnostic of every module in one run and
 * names its file (`c_<n>/main.tf`) or address (`module.c_<n>.…`), which is how each diagnostic,
 * planned change and state object is attributed back to its case. Solo cases (provider blocks,
 * inputs that crash a provider) run alone as the root module.
 *
 * Per batch and provider: init; validate -json; then for plan/apply phases plan -json -out, show
 * -json of the plan; for apply: apply -json of the saved plan, show -json of the state, and a
 * second plan -detailed-exitcode (shown when it has changes).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { coderParameterEnvName, ensureMirror, init, runTofu, type EnvOverlay, type Json, type ProviderKind, type TofuResult, type Workdir } from '../e2e/harness';
import type { Case, Expect, Phase } from './corpus';

export type Step = 'validate' | 'plan' | 'apply' | 'replan' | 'update-plan' | 'update-apply' | 'update-replan';
export const STEPS: readonly Step[] = ['validate', 'plan', 'apply', 'replan', 'update-plan', 'update-apply', 'update-replan'];

export interface Batch {
  readonly id: string;
  readonly phase: Phase;
  readonly expect: Expect;
  readonly providers: readonly ProviderKind[];
  readonly env: EnvOverlay;
  readonly cases: readonly Case[];
  readonly solo: boolean;
}

/** Largest number of cases in one module tree (keeps batches small enough to spread over workers). */
const MAX_BATCH = 60;

/**
 * Which CODER_* variables each type reads (coder-resources.md §3, coder-data-sources.md §4, which
 * list every read). Cases may share a batch when every variable whose value differs between them
 * is read by at most one of them. Any variable not listed here must be equal. Parameter
 * variables are matched by the names a case declares.
 */
const READS: Record<string, readonly RegExp[]> = {
  // CODER_AGENT_URL is the provider url's default, used only by coder_agent and coder_workspace
  // (a case whose value fails the provider configuration runs solo).
  coder_agent: [/^CODER_AGENT_SCRIPT_/, /^CODER_RUNNING_WORKSPACE_AGENT_TOKEN_/, /^CODER_AGENT_URL$/],
  coder_ai_task: [/^CODER_TASK_(ID|PROMPT)$/],
  coder_task: [/^CODER_TASK_(ID|PROMPT)$/],
  coder_workspace: [/^CODER_WORKSPACE_(TRANSITION|NAME|ID|BUILD_ID|TEMPLATE_ID|TEMPLATE_NAME|TEMPLATE_VERSION|IS_PREBUILD|IS_PREBUILD_CLAIM)$/, /^CODER_AGENT_URL$/],
  coder_workspace_owner: [/^CODER_WORKSPACE_OWNER(_[A-Z_]+)?$/],
  coder_external_auth: [/^CODER_EXTERNAL_AUTH_ACCESS_TOKEN_/],
  coder_secret: [/^CODER_SECRET_(ENV|FILE)_/, /^CODER_WORKSPACE_(BUILD_ID|TRANSITION)$/],
};
const KNOWN: readonly RegExp[] = [...Object.values(READS).flat(), /^CODER_PARAMETER_(PREVIOUS_)?[0-9a-f]{64}$/];

/** Does case `c` read variable `name`? */
function reader(c: Case): (name: string) => boolean {
  const text = `${c.hcl}\n${c.updateHcl ?? ''}`;
  const types = new Set([...text.matchAll(/^\s*(?:resource|data)\s+"(coder_\w+)"/gm)].map((m) => m[1]!));
  const patterns = [...types].flatMap((t) => READS[t] ?? []);
  const params = new Set<string>();
  if (types.has('coder_parameter')) {
    for (const m of text.matchAll(/^\s*name\s*=\s*(?:"((?:[^"\\]|\\.)*)"|([\w.-]+))/gm)) {
      const name = m[1] !== undefined ? (JSON.parse(`"${m[1]}"`) as string) : m[2]!;
      params.add(coderParameterEnvName(name)).add(coderParameterEnvName(name, true));
    }
  }
  return (name) => params.has(name) || patterns.some((p) => p.test(name));
}

/**
 * Do two cases need different values of a variable? They do when a value differs for a variable
 * both read, or for one that is not in READS (compared everywhere).
 */
function conflict(a: Case, ra: (name: string) => boolean, b: Case, rb: (name: string) => boolean): boolean {
  for (const name of new Set([...Object.keys(a.env), ...Object.keys(b.env)])) {
    if (a.env[name] === b.env[name]) continue;
    if (!KNOWN.some((p) => p.test(name))) return true;
    if (ra(name) && rb(name)) return true;
  }
  return false;
}

/**
 * Groups cases into batches; `providersOf` says which providers run a case. Cases with the same
 * providers, phase and expectation share a batch unless their environments conflict; the
 * grouping colours the conflict graph greedily, most-conflicted cases first. A batch's
 * environment holds, for every variable, the value of the cases that read it.
 */
export function planBatches(cases: readonly Case[], providersOf: (c: Case) => readonly ProviderKind[]): Batch[] {
  const batches: Batch[] = [];
  let n = 0;
  const push = (list: Case[], providers: readonly ProviderKind[], env: EnvOverlay, solo: boolean): void => {
    const c0 = list[0]!;
    batches.push({ id: `b${String(n++).padStart(2, '0')}-${c0.phase}-${c0.expect}${solo ? '-solo' : ''}`, phase: c0.phase, expect: c0.expect, providers, env, cases: list, solo });
  };
  const buckets = new Map<string, Case[]>();
  for (const c of cases) {
    if (c.solo) {
      push([c], providersOf(c), { ...c.env }, true);
      continue;
    }
    const key = [providersOf(c).join('+'), c.phase, c.expect].join('|');
    buckets.set(key, [...(buckets.get(key) ?? []), c]);
  }
  for (const bucket of buckets.values()) {
    const readers = bucket.map(reader);
    const conflicts = bucket.map((a, i) => new Set(bucket.map((_, j) => j).filter((j) => j !== i && conflict(a, readers[i]!, bucket[j]!, readers[j]!))));
    const order = bucket.map((_, i) => i).sort((x, y) => conflicts[y]!.size - conflicts[x]!.size || x - y);
    const groups: number[][] = [];
    for (const i of order) {
      const g = groups.find((members) => members.length < MAX_BATCH && members.every((j) => !conflicts[i]!.has(j)));
      if (g) g.push(i);
      else groups.push([i]);
    }
    for (const members of groups) {
      members.sort((x, y) => x - y);
      const env: EnvOverlay = {};
      for (const i of members) {
        for (const [name, v] of Object.entries(bucket[i]!.env)) if (!(name in env) || readers[i]!(name)) env[name] = v;
      }
      // A reader that leaves a variable out must not see another case's value for it.
      for (const name of Object.keys(env)) {
        for (const i of members) if (readers[i]!(name) && !(name in bucket[i]!.env)) delete env[name];
      }
      push(
        members.map((i) => bucket[i]!),
        providersOf(bucket[members[0]!]!),
        env,
        false,
      );
    }
  }
  return batches;
}

// ---------------------------------------------------------------------------------------------
// Running one batch with one provider

const VERSIONS_TF = `terraform {
  required_providers {
    coder = { source = "coder/coder" }
  }
}
`;

export const caseDir = (i: number): string => `c_${i}`;

/** The files of a batch's module tree; `update` uses each case's update template. */
function layout(batch: Batch, update = false): Record<string, string> {
  const text = (c: Case): string => (update ? (c.updateHcl ?? c.hcl) : c.hcl);
  const withVersions = (hcl: string): Record<string, string> => (/required_providers/.test(hcl) ? { 'main.tf': hcl } : { 'main.tf': hcl, 'versions.tf': VERSIONS_TF });
  if (batch.solo) return withVersions(text(batch.cases[0]!));
  const files: Record<string, string> = { 'main.tf': VERSIONS_TF + batch.cases.map((_, i) => `\nmodule "${caseDir(i)}" {\n  source = "./${caseDir(i)}"\n}\n`).join('') };
  batch.cases.forEach((c, i) => {
    for (const [f, t] of Object.entries(withVersions(text(c)))) files[`${caseDir(i)}/${f}`] = t;
  });
  return files;
}

export interface StepRun {
  readonly code: number | null;
  /** Raw tofu diagnostics (the `diagnostic` objects of the -json output). */
  readonly diags: Json[];
}

export interface ProviderRun {
  readonly kind: ProviderKind;
  readonly steps: Partial<Record<Step, StepRun>>;
  readonly planShow?: Json;
  readonly state?: Json;
  readonly replanShow?: Json;
  readonly updatePlanShow?: Json;
  readonly updateState?: Json;
  readonly updateReplanShow?: Json;
  readonly durationMs: number;
  readonly commands: number;
}

function streamDiags(stdout: string): Json[] {
  const out: Json[] = [];
  for (const line of stdout.split('\n')) {
    if (!line.startsWith('{')) continue;
    let m: Json;
    try {
      m = JSON.parse(line);
    } catch {
      continue;
    }
    if (m.type === 'diagnostic') out.push(m.diagnostic);
  }
  return out;
}

const tail = (s: string): string => (s.length > 4000 ? `…${s.slice(-4000)}` : s);

function parseJson(r: TofuResult, what: string): Json {
  try {
    return JSON.parse(r.stdout);
  } catch {
    throw new Error(`${what}: tofu ${r.args.join(' ')} exited ${r.code} without JSON on stdout\n${tail(r.stderr)}`);
  }
}

/**
 * The mirror of each provider, resolved once per run: every batch then runs against the same
 * build even if dist/ is rebuilt meanwhile (the mirror holds its own copy of the bundle).
 */
export type Mirrors = Partial<Record<ProviderKind, string>>;

export async function pinMirrors(kinds: readonly ProviderKind[]): Promise<Mirrors> {
  const out: Mirrors = {};
  for (const kind of kinds) {
    for (let attempt = 1; ; attempt++) {
      try {
        out[kind] = ensureMirror(kind);
        break;
      } catch (e) {
        // A concurrent `npm run build` replaces dist/ for a moment; anything else is fatal.
        if (attempt >= 10 || !/not built|does not start with/.test((e as Error).message)) throw e;
        await new Promise((r) => setTimeout(r, 1000));
      }
    }
  }
  return out;
}

const keepDirs = (): boolean => process.env.KEEP_E2E === '1';

/** A work dir like the e2e harness makes (module dir, empty HOME, CLI config naming one mirror). */
function pinnedWorkdir(kind: ProviderKind, mirrorDir: string, files: Record<string, string>): Workdir {
  const root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'tpc-parity-')));
  const dir = path.join(root, 'work');
  fs.mkdirSync(path.join(root, 'home'), { recursive: true });
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  const cliConfigFile = path.join(root, 'cli.tfrc');
  fs.writeFileSync(cliConfigFile, `provider_installation {\n  filesystem_mirror {\n    path = ${JSON.stringify(mirrorDir)}\n  }\n}\n`);
  return {
    root,
    dir,
    provider: kind,
    cli: 'tofu',
    protocol: undefined,
    mirrorDir,
    cliConfigFile,
    extraEnv: {},
    cleanup() {
      if (keepDirs()) process.stderr.write(`KEEP_E2E=1: kept ${root}\n`);
      else fs.rmSync(root, { recursive: true, force: true });
    },
  };
}

export async function runBatch(batch: Batch, kind: ProviderKind, mirrors: Mirrors): Promise<ProviderRun> {
  const started = performance.now();
  const mirror = mirrors[kind];
  if (!mirror) throw new Error(`no mirror pinned for the ${kind} provider`);
  const wd: Workdir = pinnedWorkdir(kind, mirror, layout(batch));
  let commands = 0;
  const tofu = (args: string[]): Promise<TofuResult> => {
    commands++;
    return runTofu(wd, args, { env: batch.env });
  };
  try {
    commands++;
    await init(wd);
    const steps: Partial<Record<Step, StepRun>> = {};
    const v = await tofu(['validate', '-json', '-no-color']);
    steps.validate = { code: v.code, diags: (parseJson(v, `${batch.id} (${kind}) validate`).diagnostics ?? []) as Json[] };
    const out: { -readonly [K in 'planShow' | 'state' | 'replanShow' | 'updatePlanShow' | 'updateState' | 'updateReplanShow']?: Json } = {};
    const show = async (args: string[], what: string): Promise<Json> => parseJson(await tofu(['show', '-json', ...args]), `${batch.id} (${kind}) ${what}`);
    /** plan -out, show it; apply it, show the state; plan again (shown when it has changes). */
    const cycle = async (prefix: '' | 'update-', phases: { plan: Step; apply: Step; replan: Step }, keys: ['planShow' | 'updatePlanShow', 'state' | 'updateState', 'replanShow' | 'updateReplanShow']): Promise<boolean> => {
      const p = await tofu(['plan', '-json', '-input=false', '-no-color', `-out=${prefix}tfplan`]);
      steps[phases.plan] = { code: p.code, diags: streamDiags(p.stdout) };
      if (p.code !== 0) return false;
      out[keys[0]] = await show([`${prefix}tfplan`], `show ${prefix}plan`);
      if (batch.phase === 'plan') return false;
      const a = await tofu(['apply', '-json', '-input=false', '-no-color', `${prefix}tfplan`]);
      steps[phases.apply] = { code: a.code, diags: streamDiags(a.stdout) };
      out[keys[1]] = await show([], `show ${prefix}state`);
      const r = await tofu(['plan', '-json', '-input=false', '-no-color', '-detailed-exitcode', `-out=${prefix}replan`]);
      steps[phases.replan] = { code: r.code, diags: streamDiags(r.stdout) };
      if (r.code === 2) out[keys[2]] = await show([`${prefix}replan`], `show ${prefix}replan`);
      return a.code === 0;
    };
    if (batch.phase !== 'validate' && v.code === 0) {
      const applied = await cycle('', { plan: 'plan', apply: 'apply', replan: 'replan' }, ['planShow', 'state', 'replanShow']);
      if (batch.phase === 'update' && applied) {
        for (const [f, t] of Object.entries(layout(batch, true))) fs.writeFileSync(path.join(wd.dir, f), t);
        await cycle('update-', { plan: 'update-plan', apply: 'update-apply', replan: 'update-replan' }, ['updatePlanShow', 'updateState', 'updateReplanShow']);
      }
    }
    return { kind, steps, ...out, durationMs: Math.round(performance.now() - started), commands };
  } finally {
    wd.cleanup();
  }
}

// ---------------------------------------------------------------------------------------------
// Per-case views

export interface Diag {
  severity: string;
  summary: string;
  detail: string;
  address?: string;
  range?: Json;
}

export interface CaseView {
  /** Exit code of every step that ran. */
  exit: Partial<Record<Step, number | null>>;
  diagnostics: Partial<Record<Step, Diag[]>>;
  /** Planned changes (show -json of the plan) and data sources read while planning. */
  plan?: { changes: Json[]; data: Json[] };
  /** Objects in state after apply (tainted ones marked). */
  state?: Json[];
  /** Changes the second plan still wants (empty when it has none). */
  replan?: Json[];
  /** Phase update: the same three for the update template. */
  updatePlan?: Json[];
  updateState?: Json[];
  updateReplan?: Json[];
}

const MODULE_RE = /module\.c_\d+\./g;
const DIR_RE = /\bc_\d+\//g;
const relText = (s: string): string => s.replace(MODULE_RE, '').replace(DIR_RE, '');

/** Which case of the batch a diagnostic belongs to (-1: none in particular, e.g. provider-wide). */
function owner(d: Json): number {
  const file: unknown = d.range?.filename;
  if (typeof file === 'string') {
    const m = /^c_(\d+)\//.exec(file);
    if (m) return Number(m[1]);
  }
  if (typeof d.address === 'string') {
    const m = /^module\.c_(\d+)\./.exec(d.address);
    if (m) return Number(m[1]);
  }
  return -1;
}

function diagOf(d: Json): Diag {
  const out: Diag = { severity: d.severity, summary: relText(d.summary ?? ''), detail: relText(d.detail ?? '') };
  if (d.address !== undefined) out.address = relText(d.address);
  if (d.range) out.range = { ...d.range, filename: relText(d.range.filename ?? '') };
  return out;
}

const byJson = (a: unknown, b: unknown): number => {
  const x = JSON.stringify(a);
  const y = JSON.stringify(b);
  return x < y ? -1 : x > y ? 1 : 0;
};

/** The module (root or child) holding case `i`'s objects in a `show -json` values tree. */
function moduleOf(root: Json, batch: Batch, i: number): Json {
  if (!root) return undefined;
  if (batch.solo) return root;
  return (root.child_modules ?? []).find((m: Json) => m.address === `module.${caseDir(i)}`);
}

function objectsOf(root: Json, batch: Batch, i: number): Json[] {
  const m = moduleOf(root, batch, i);
  return ((m?.resources ?? []) as Json[])
    .map((r) => ({
      address: relText(r.address),
      mode: r.mode,
      schema_version: r.schema_version,
      ...(r.tainted ? { tainted: true } : {}),
      values: r.values,
      sensitive_values: r.sensitive_values,
    }))
    .sort(byJson);
}

function changesOf(show: Json, batch: Batch, i: number, skipNoop: boolean): Json[] {
  const prefix = batch.solo ? undefined : `module.${caseDir(i)}`;
  return ((show?.resource_changes ?? []) as Json[])
    .filter((rc) => rc.module_address === prefix)
    .filter((rc) => !skipNoop || !(rc.change.actions.length === 1 && rc.change.actions[0] === 'no-op'))
    .map((rc) => ({
      address: relText(rc.address),
      mode: rc.mode,
      action_reason: rc.action_reason ?? null,
      actions: rc.change.actions,
      before: rc.change.before,
      after: rc.change.after,
      after_unknown: rc.change.after_unknown,
      before_sensitive: rc.change.before_sensitive,
      after_sensitive: rc.change.after_sensitive,
      replace_paths: rc.change.replace_paths ?? null,
    }))
    .sort(byJson);
}

/** Case `i`'s share of a provider's batch run. */
export function caseView(batch: Batch, run: ProviderRun, i: number): CaseView {
  const view: CaseView = { exit: {}, diagnostics: {} };
  for (const step of STEPS) {
    const s = run.steps[step];
    if (!s) continue;
    view.exit[step] = s.code;
    view.diagnostics[step] = s.diags
      .filter((d) => batch.solo || owner(d) === i || owner(d) === -1)
      .map(diagOf)
      .sort(byJson);
  }
  if (run.planShow) {
    view.plan = { changes: changesOf(run.planShow, batch, i, false), data: objectsOf(run.planShow.prior_state?.values?.root_module, batch, i) };
  }
  if (run.state) view.state = objectsOf(run.state.values?.root_module, batch, i);
  if (run.steps.replan) view.replan = run.replanShow ? changesOf(run.replanShow, batch, i, true) : [];
  if (run.updatePlanShow) view.updatePlan = changesOf(run.updatePlanShow, batch, i, false);
  if (run.updateState) view.updateState = objectsOf(run.updateState.values?.root_module, batch, i);
  if (run.steps['update-replan']) view.updateReplan = run.updateReplanShow ? changesOf(run.updateReplanShow, batch, i, true) : [];
  return view;
}

// ---------------------------------------------------------------------------------------------
// Random values: compared by shape, with equal values kept equal.

const UUID = /[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}/g;
const V4 = /[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}/g;

/** UUIDs a case spells out itself (in its template or environment): compared exactly. */
export function fixedUuids(c: Case): Set<string> {
  const out = new Set<string>();
  for (const text of [c.hcl, c.updateHcl ?? '', ...Object.values(c.env).filter((v): v is string => typeof v === 'string')]) {
    for (const m of text.matchAll(UUID)) out.add(m[0].toLowerCase());
  }
  return out;
}

/**
 * Replaces every random v4 UUID (canonical lowercase, not one the case spells out), whole strings
 * and inside longer ones (`echo <id>`), with `<uuid#n>`, numbered in order of first appearance, so
 * two views compare equal when their random values have the same shape and the same equalities
 * (an app's id reused as a task's app_id stays equal). Anything else that looks like a UUID but is
 * not canonical v4 stays as it is and must match. `replace_paths` is a set: sorted.
 */
export function normalizeRandom<T>(v: T, fixed: ReadonlySet<string>): T {
  const seen = new Map<string, string>();
  const walk = (x: unknown, key?: string): unknown => {
    if (typeof x === 'string') {
      return x.replace(V4, (m) => {
        if (fixed.has(m)) return m;
        let r = seen.get(m);
        if (!r) seen.set(m, (r = `<uuid#${seen.size + 1}>`));
        return r;
      });
    }
    if (Array.isArray(x)) {
      const list = x.map((e) => walk(e));
      return key === 'replace_paths' ? list.sort((a, b) => (JSON.stringify(a) < JSON.stringify(b) ? -1 : 1)) : list;
    }
    if (x && typeof x === 'object') {
      const o: Record<string, unknown> = {};
      for (const k of Object.keys(x).sort()) o[k] = walk((x as Record<string, unknown>)[k], k);
      return o;
    }
    return x;
  };
  return walk(v) as T;
}

// ---------------------------------------------------------------------------------------------
// Running many batches

export interface BatchRun {
  readonly batch: Batch;
  readonly runs: Partial<Record<ProviderKind, ProviderRun>>;
  readonly error?: Error;
}

/** Runs (batch, provider) tasks `concurrency` at a time, both providers of a batch side by side. */
export async function runBatches(batches: readonly Batch[], concurrency: number, onDone?: (b: BatchRun) => void): Promise<BatchRun[]> {
  const mirrors = await pinMirrors([...new Set(batches.flatMap((b) => b.providers))]);
  // Biggest first, so the tail of the run is made of short batches.
  const order = [...batches].sort((a, b) => weight(b) - weight(a));
  const results = new Map<string, BatchRun>();
  const tasks = order.flatMap((b) => b.providers.map((k) => ({ b, k })));
  const partial = new Map<string, { runs: Partial<Record<ProviderKind, ProviderRun>>; left: number; error?: Error }>();
  for (const b of batches) partial.set(b.id, { runs: {}, left: b.providers.length });
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < tasks.length) {
      const { b, k } = tasks[next++]!;
      const p = partial.get(b.id)!;
      try {
        p.runs[k] = await runBatch(b, k, mirrors);
      } catch (e) {
        p.error = p.error ?? (e as Error);
      }
      if (--p.left === 0) {
        const r: BatchRun = { batch: b, runs: p.runs, ...(p.error ? { error: p.error } : {}) };
        results.set(b.id, r);
        onDone?.(r);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, concurrency) }, worker));
  return batches.map((b) => results.get(b.id)!);
}

function weight(b: Batch): number {
  const steps = b.phase === 'validate' ? 2 : b.phase === 'plan' ? 4 : b.phase === 'update' ? 12 : 7;
  return steps * (4 + b.cases.length / 10);
}

/** PARITY_DUMP=<dir>: write each case's views there (for reading a difference). */
export function dumpCase(dir: string, c: Case, views: Record<string, unknown>): void {
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, `${c.id.replace(/[^A-Za-z0-9_.-]+/g, '__')}.json`), JSON.stringify({ id: c.id, env: c.env, hcl: c.hcl, ...views }, null, 2));
}
