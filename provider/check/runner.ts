/**
 * Checks templates: for each template directory, a private copy, `tofu init`, `tofu validate`,
 * `tofu graph -type=plan`, then one `tofu plan` + `tofu show -json` per scenario (in parallel),
 * the rules on every plan, the source scan, and a preview per scenario.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PROVIDER_VERSION } from '../plugin/constants';
import { mergeFindings, Redactor, type Finding, type RawFinding, type Severity } from './findings';
import { parseDot, type Graph } from './graph';
import { buildCliConfig, chooseVersion, coderConstraints, downloadedModuleFiles, impliedMirrorDirs, selfCommand, userCliConfig, writeMirror, type Mirror } from './install';
import { Locator } from './locator';
import { PlanModel, type Json, type PlanJson } from './plan';
import { buildPreview, type WorkspacePreview } from './preview';
import { startProviderServer, type ProviderServer } from './provider-server';
import { credentialLiterals } from './rules/credential-literals';
import type { PlanRuleContext, Transition } from './rules/context';
import { PLAN_RULES } from './rules/index';
import { RULE_BY_ID } from './rules/catalog';
import { diagnosticFinding, diagnosticText, initFailureFinding, parseTextDiagnostics, type TofuDiagnostic } from './rules/tofu-diagnostics';
import { defaultScenarios, loadScenarioFile, scenarioEnv, scenarioSecrets, templateNeeds, type Scenario } from './scenarios';
import { pool, run, type RunResult, type TofuBinary } from './tofu';
import { copyTemplate, makeRunDir, removeDir } from './workdir';

export interface CheckOptions {
  readonly dirs: readonly string[];
  readonly scenarioFile?: string;
  readonly tofu: TofuBinary;
  /** Another provider executable to check with instead of this program. */
  readonly provider?: string;
  /** Let tofu start the provider for every command instead of attaching to one per build. */
  readonly noReattach?: boolean;
  /** Scenarios (and templates) run at once. */
  readonly jobs: number;
  readonly timeoutMs: number;
  /** Keep the run directory (for debugging; it holds plan files). */
  readonly keep: boolean;
  readonly env: NodeJS.ProcessEnv;
  readonly cwd: string;
  readonly progress?: (line: string) => void;
}

export type ScenarioStatus = 'planned' | 'failed' | 'skipped';

export interface ScenarioResult {
  readonly name: string;
  readonly transition: Transition;
  readonly prebuild: boolean;
  readonly status: ScenarioStatus;
  readonly durationMs: number;
  readonly preview?: WorkspacePreview;
}

export interface TemplateResult {
  /** As given on the command line. */
  readonly dir: string;
  readonly absDir: string;
  /** Version the provider was presented as to satisfy the template's constraints. */
  readonly providerVersion: string;
  readonly scenarios: readonly ScenarioResult[];
  readonly findings: readonly Finding[];
  readonly durationMs: number;
  /** Where the run directory was kept (--keep). */
  readonly keptAt?: string;
}

export interface CheckResult {
  readonly version: string;
  readonly tofu: { readonly kind: string; readonly version: string; readonly path: string };
  readonly templates: readonly TemplateResult[];
  readonly durationMs: number;
}

interface RunContext {
  readonly opts: CheckOptions;
  readonly runDir: string;
  readonly pluginCache: string;
  readonly mirrors: Map<string, Mirror>;
  readonly provider: { exec: string; args: string[] };
  /** This program, started in --debug mode as a provider server; undefined when not used. */
  readonly server: { exec: string; args: string[] } | undefined;
  readonly userConfig: { file: string; text: string } | undefined;
}

export async function runCheck(opts: CheckOptions): Promise<CheckResult> {
  const started = Date.now();
  const runDir = makeRunDir();
  const pluginCache = path.join(runDir, 'plugin-cache');
  fs.mkdirSync(pluginCache, { recursive: true });
  const ctx: RunContext = {
    opts,
    runDir,
    pluginCache,
    mirrors: new Map(),
    provider: opts.provider ? { exec: path.resolve(opts.cwd, opts.provider), args: [] } : selfCommand(),
    server: opts.provider || opts.noReattach ? undefined : selfCommand(),
    userConfig: userCliConfig(opts.env, opts.tofu.kind),
  };
  try {
    // Templates one after another when there are several, scenarios in parallel inside each: a
    // template's scenarios share its init.
    const templates: TemplateResult[] = [];
    for (let i = 0; i < opts.dirs.length; i++) templates.push(await checkTemplate(ctx, opts.dirs[i]!, i));
    return {
      version: PROVIDER_VERSION,
      tofu: { kind: opts.tofu.kind, version: opts.tofu.version, path: opts.tofu.path },
      templates,
      durationMs: Date.now() - started,
    };
  } finally {
    if (!opts.keep) removeDir(runDir);
  }
}

function mirrorFor(ctx: RunContext, version: string): Mirror {
  let m = ctx.mirrors.get(version);
  if (!m) {
    m = writeMirror(path.join(ctx.runDir, `mirror-${version}`), version, ctx.provider);
    ctx.mirrors.set(version, m);
  }
  return m;
}

/** Host environment for tofu, minus what must not leak into a check run. */
function baseEnv(ctx: RunContext, cliConfig: string): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [k, v] of Object.entries(ctx.opts.env)) {
    if (v === undefined) continue;
    // Coder strips CODER_*; TF_CLI_ARGS* would add flags to our commands; TF_DATA_DIR would make
    // parallel templates share one .terraform.
    if (k.startsWith('CODER_') || k.startsWith('TF_CLI_ARGS') || k === 'TF_DATA_DIR' || k === 'TF_WORKSPACE' || k === 'TF_PLUGIN_CACHE_DIR') continue;
    if (k.startsWith('TF_VAR_')) continue;
    env[k] = v;
  }
  env['TF_CLI_CONFIG_FILE'] = cliConfig;
  env['TF_PLUGIN_CACHE_DIR'] = ctx.pluginCache;
  env['TF_IN_AUTOMATION'] = '1';
  env['TF_INPUT'] = '0';
  env['CHECKPOINT_DISABLE'] = '1';
  return env;
}

function jsonLines(stdout: string): Array<Record<string, unknown>> {
  const out: Array<Record<string, unknown>> = [];
  for (const line of stdout.split('\n')) {
    const t = line.trim();
    if (!t.startsWith('{')) continue;
    try {
      out.push(JSON.parse(t) as Record<string, unknown>);
    } catch {
      /* not a JSON line */
    }
  }
  return out;
}

/**
 * The JSON document a command printed. Tolerates lines around it: CI wrappers around tofu (e.g.
 * setup-opentofu's default wrapper) echo "[command]..." and debug lines into stdout.
 */
function parseJsonOutput<T>(stdout: string): T | undefined {
  const tryParse = (text: string): T | undefined => {
    try {
      return JSON.parse(text) as T;
    } catch {
      return undefined;
    }
  };
  const whole = tryParse(stdout);
  if (whole !== undefined) return whole;
  // A document starts on a line of its own: one line (show -json) or up to a closing "}" line
  // (validate -json pretty-prints).
  const lines = stdout.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (!lines[i]!.startsWith('{')) continue;
    const one = tryParse(lines[i]!);
    if (one !== undefined) return one;
    for (let j = i + 1; j < lines.length; j++) {
      if (lines[j]!.trimEnd() !== '}') continue;
      const doc = tryParse(lines.slice(i, j + 1).join('\n'));
      if (doc !== undefined) return doc;
    }
  }
  return undefined;
}

function diagnosticsOf(stdout: string): TofuDiagnostic[] {
  return jsonLines(stdout)
    .filter((l) => l['type'] === 'diagnostic' && l['diagnostic'])
    .map((l) => l['diagnostic'] as TofuDiagnostic);
}

function failureText(what: string, r: RunResult): TofuDiagnostic {
  const tail = (r.stderr || r.stdout).trim().split('\n').slice(-6).join(' ').slice(0, 500);
  return {
    severity: 'error',
    summary: r.timedOut ? `${what} timed out after ${Math.round(r.durationMs / 1000)} s` : `${what} failed (exit ${r.code ?? 'signal'})`,
    ...(tail ? { detail: tail } : {}),
  };
}

const withScenarios = (f: RawFinding, scenarios: readonly string[]): Finding => ({
  ruleId: f.ruleId,
  severity: f.severity ?? RULE_BY_ID.get(f.ruleId)?.severity ?? 'error',
  message: f.message,
  location: f.location,
  ...(f.address ? { address: f.address } : {}),
  scenarios,
});

/** Every string value that a plan's sensitive_values trees mark sensitive. */
function collectSensitive(plan: PlanModel, redactor: Redactor): void {
  const walk = (v: Json | undefined, s: Json | undefined): void => {
    if (s === true) {
      const visit = (x: Json | undefined): void => {
        if (typeof x === 'string') redactor.add(x);
        else if (Array.isArray(x)) x.forEach(visit);
        else if (x && typeof x === 'object') Object.values(x).forEach(visit);
      };
      visit(v);
      return;
    }
    if (!s || typeof s !== 'object' || !v || typeof v !== 'object') return;
    if (Array.isArray(s)) s.forEach((ss, i) => walk(Array.isArray(v) ? v[i] : undefined, ss));
    else for (const [k, ss] of Object.entries(s)) walk(Array.isArray(v) ? undefined : (v as Record<string, Json>)[k], ss);
  };
  for (const r of plan.resources) walk(r.values, r.sensitive);
  for (const [name, v] of Object.entries(plan.json.variables ?? {})) {
    if (plan.module([])?.json.variables?.[name]?.sensitive) walk(v.value, true);
  }
}

function redactDeep<T>(value: T, redactor: Redactor): T {
  if (typeof value === 'string') return redactor.redact(value) as unknown as T;
  if (Array.isArray(value)) return value.map((v) => redactDeep(v, redactor)) as unknown as T;
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = redactDeep(v, redactor);
    return out as T;
  }
  return value;
}

async function checkTemplate(ctx: RunContext, dir: string, index: number): Promise<TemplateResult> {
  const started = Date.now();
  const { opts } = ctx;
  const absDir = path.resolve(opts.cwd, dir);
  const progress = (msg: string): void => opts.progress?.(`${dir}: ${msg}`);
  const findings: Finding[] = [];
  const redactor = new Redactor();
  const locator = new Locator(absDir);
  const templateName = path.basename(absDir);

  for (const f of credentialLiterals(locator)) findings.push(withScenarios(f, []));

  const needs = templateNeeds(locator);
  const scenarios: Scenario[] = opts.scenarioFile ? loadScenarioFile(path.resolve(opts.cwd, opts.scenarioFile), needs, templateName) : defaultScenarios(needs, templateName);
  for (const s of scenarios) for (const v of scenarioSecrets(s)) redactor.add(v);
  const allScenarios = scenarios.map((s) => s.name);

  let version = chooseVersion(coderConstraints(locator));
  const workRoot = path.join(ctx.runDir, `template-${index}`);
  const work = path.join(workRoot, 'work');
  copyTemplate(absDir, work);
  const cliFile = path.join(workRoot, 'cli.tfrc');
  const writeCliConfig = (): void => {
    const cli = buildCliConfig({
      ...(ctx.userConfig ? { userText: ctx.userConfig.text } : {}),
      mirrorDir: mirrorFor(ctx, version).dir,
      pluginCacheDir: ctx.pluginCache,
      impliedMirrors: impliedMirrorDirs(opts.env, opts.tofu.kind, work),
    });
    fs.writeFileSync(cliFile, cli.text, { mode: 0o600 });
  };
  writeCliConfig();
  const env = baseEnv(ctx, cliFile);
  const tofu = (args: string[], e: Record<string, string> = env): Promise<RunResult> => run(opts.tofu.path, args, { cwd: work, env: e, timeoutMs: opts.timeoutMs });

  const skippedAll = (status: ScenarioStatus): ScenarioResult[] =>
    scenarios.map((s) => ({ name: s.name, transition: s.transition, prebuild: s.prebuild, status, durationMs: 0 }));
  const finish = (results: ScenarioResult[]): TemplateResult => {
    const redacted = mergeFindings(findings).map((f) => ({ ...f, message: redactor.redact(f.message) }));
    return {
      dir,
      absDir,
      providerVersion: version,
      scenarios: results.map((r) => (r.preview ? { ...r, preview: redactDeep(r.preview, redactor) } : r)),
      findings: redacted,
      durationMs: Date.now() - started,
      ...(opts.keep ? { keptAt: workRoot } : {}),
    };
  };

  try {
    // 1. init, with the provisioner's basic environment (no CODER_* at all).
    progress('tofu init');
    const initArgs = ['init', '-input=false', '-no-color', ...(opts.tofu.initJson ? ['-json'] : [])];
    let init = await tofu(initArgs);
    if (init.code !== 0) {
      // Modules from a registry may constrain coder/coder too: once they are downloaded, their
      // constraints are known; present the provider as a version that satisfies all of them.
      const again = chooseVersion([...coderConstraints(locator), ...coderConstraints({ sourceFiles: downloadedModuleFiles(work) })]);
      if (again !== version) {
        version = again;
        writeCliConfig();
        init = await tofu(initArgs);
      }
    }
    if (init.code !== 0) {
      let diags = (opts.tofu.initJson ? diagnosticsOf(init.stdout) : parseTextDiagnostics(init.stderr)).filter((d) => d.severity === 'error');
      if (diags.length === 0) diags = [failureText('tofu init', init)];
      const initFindings = diags.map((d) => initFailureFinding(d, locator));
      // Follow-up errors of one failure often carry no position: they share the located one's.
      const located = initFindings.find((f) => f.location.line !== undefined);
      for (const f of initFindings) findings.push(withScenarios(f.location.line === undefined && located ? { ...f, location: located.location } : f, allScenarios));
      return finish(skippedAll('skipped'));
    }

    // 2. validate and graph (independent of scenarios).
    progress('tofu validate, tofu graph');
    const staticServer = await serverFor(ctx, env);
    let validate: RunResult;
    let graphRun: RunResult;
    try {
      const e = withServer(env, staticServer);
      [validate, graphRun] = await Promise.all([tofu(['validate', '-json', '-no-color'], e), tofu(['graph', '-type=plan'], e)]);
    } finally {
      await staticServer?.stop();
    }
    let validateErrors = 0;
    const report = parseJsonOutput<{ diagnostics?: TofuDiagnostic[] }>(validate.stdout);
    const vdiags = report?.diagnostics ?? (validate.code === 0 ? [] : [failureText('tofu validate', validate)]);
    for (const d of vdiags) {
      if (d.severity === 'error') validateErrors++;
      // Independent of the scenario: every build would see it.
      findings.push(withScenarios(diagnosticFinding(d, locator), allScenarios));
    }
    if (validateErrors > 0) return finish(skippedAll('skipped'));
    const graph: Graph | undefined = graphRun.code === 0 ? parseDot(graphRun.stdout) : undefined;
    if (!graph) {
      const d = failureText('tofu graph -type=plan', graphRun);
      findings.push(
        withScenarios({ ...diagnosticFinding({ ...d, severity: 'warning' }, locator), message: `${diagnosticText(d)}; the rules that need the graph (agent and metadata attachment) were skipped` }, allScenarios),
      );
    }

    // 3. one plan per scenario.
    const results = await pool(
      opts.jobs,
      scenarios.map((s) => async (): Promise<ScenarioResult> => {
        const t0 = Date.now();
        progress(`scenario ${s.name}: tofu plan`);
        const server = await serverFor(ctx, { ...env, ...scenarioEnv(s, {}) });
        try {
          return await planScenario(s, withServer({ ...env, ...scenarioEnv(s, {}) }, server), t0, graph);
        } finally {
          await server?.stop();
        }
      }),
    );
    return finish(results);
  } finally {
    if (!opts.keep) removeDir(workRoot);
  }

  async function planScenario(s: Scenario, sEnv: Record<string, string>, t0: number, graph: Graph | undefined): Promise<ScenarioResult> {
    const planFile = `${s.name}.tfplan`;
    const vars = Object.entries(s.variables).flatMap(([k, v]) => ['-var', `${k}=${v}`]);
    const p = await tofu(['plan', '-input=false', '-no-color', '-json', '-lock=false', '-refresh=true', `-out=${planFile}`, ...(s.transition === 'destroy' ? ['-destroy'] : []), ...vars], sEnv);
    const diags = diagnosticsOf(p.stdout);
    for (const d of diags) {
      let f = diagnosticFinding(d, locator);
      if (d.severity === 'error' && s.synthesized.size && /coder_parameter/.test(d.address ?? '')) {
        f = {
          ...f,
          severity: 'note' as Severity,
          message: `${f.message} (the check supplied a made-up value for required parameter(s) ${[...s.synthesized].map((n) => JSON.stringify(n)).join(', ')}; give real values in a scenario file)`,
        };
      }
      findings.push(withScenarios(f, [s.name]));
    }
    if (p.code !== 0) {
      if (!diags.some((d) => d.severity === 'error')) findings.push(withScenarios(diagnosticFinding(failureText('tofu plan', p), locator), [s.name]));
      return { name: s.name, transition: s.transition, prebuild: s.prebuild, status: 'failed', durationMs: Date.now() - t0 };
    }
    const shown = await tofu(['show', '-json', '-no-color', planFile], sEnv);
    const planJson = parseJsonOutput<PlanJson>(shown.stdout);
    if (!planJson) {
      findings.push(withScenarios(diagnosticFinding(failureText('tofu show -json', shown), locator), [s.name]));
      return { name: s.name, transition: s.transition, prebuild: s.prebuild, status: 'failed', durationMs: Date.now() - t0 };
    }
    const plan = new PlanModel(planJson);
    collectSensitive(plan, redactor);
    const rctx: PlanRuleContext = { scenario: { name: s.name, transition: s.transition, prebuild: s.prebuild }, plan, graph, locator };
    for (const rule of PLAN_RULES) {
      let raw: RawFinding[];
      try {
        raw = rule.check(rctx);
      } catch (err) {
        raw = [{ ruleId: 'tofu/error', severity: 'note', message: `internal error in rule ${rule.id}: ${(err as Error).message}`, location: locator.fallback([]) }];
      }
      for (const f of raw) findings.push(withScenarios(f, [s.name]));
    }
    return { name: s.name, transition: s.transition, prebuild: s.prebuild, status: 'planned', durationMs: Date.now() - t0, preview: buildPreview(plan, graph, locator) };
  }
}

/** A provider server for one build's environment (undefined: tofu starts the provider itself). */
async function serverFor(ctx: RunContext, env: Record<string, string>): Promise<ProviderServer | undefined> {
  if (!ctx.server) return undefined;
  // The provider must not think it is being debugged by a human, nor inherit a reattach setting.
  const e = { ...env };
  delete e['TF_REATTACH_PROVIDERS'];
  return startProviderServer(ctx.server, e);
}

function withServer(env: Record<string, string>, server: ProviderServer | undefined): Record<string, string> {
  return server ? { ...env, TF_REATTACH_PROVIDERS: server.reattach } : env;
}

