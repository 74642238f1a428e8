/**
 * Builders for synthetic `tofu show -json` plans and template directories, for the check's rule
 * tests: a test writes the .tf text it wants positions from, lists the plan's resources with their
 * values, sensitivity and configuration expressions, and gets a PlanRuleContext.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseDot } from '../../../provider/check/graph';
import { Locator } from '../../../provider/check/locator';
import { PlanModel, parseAddress, type ConfigModuleJson, type ExpressionsJson, type Json, type PlanJson, type StateModuleJson, type StateResourceJson } from '../../../provider/check/plan';
import type { PlanRuleContext, ScenarioInfo } from '../../../provider/check/rules/context';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
});

/** Writes files into a fresh temp dir. */
export function templateDir(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tpc-check-unit-'));
  dirs.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    fs.writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

export interface ResourceSpec {
  /** Full instance address, e.g. `coder_agent.main`, `module.a.coder_env.x[0]`, `data.coder_parameter.p`. */
  address: string;
  values?: Record<string, unknown>;
  sensitive?: unknown;
  /** Configuration expressions of the resource (attached to its config address, once). */
  expressions?: unknown;
  unknown?: unknown;
}

export interface PlanSpec {
  resources: ResourceSpec[];
  /** Root module variables (configuration). */
  variables?: ConfigModuleJson['variables'];
  /** Child module configuration extras, by module name: variables, outputs, call expressions. */
  modules?: Record<string, { variables?: ConfigModuleJson['variables']; outputs?: ConfigModuleJson['outputs']; callExpressions?: ExpressionsJson }>;
}

function typeAndName(address: string): { mode: 'managed' | 'data'; type: string; name: string; index?: number | string } {
  const { modulePath } = parseAddress(address);
  let rest = address;
  for (let i = 0; i < modulePath.length; i++) rest = rest.replace(/^module\.[^.]+?(\[[^\]]*\])?\./, '');
  const mode = rest.startsWith('data.') ? 'data' : 'managed';
  if (mode === 'data') rest = rest.slice(5);
  const m = /^([^.]+)\.([^[]+)(?:\[(.+)\])?$/.exec(rest)!;
  const idx = m[3] === undefined ? undefined : /^\d+$/.test(m[3]) ? Number(m[3]) : JSON.parse(m[3]);
  return { mode, type: m[1]!, name: m[2]!, ...(idx !== undefined ? { index: idx } : {}) };
}

/** Builds the JSON `tofu show -json` would print for these resources. */
export function planJson(spec: PlanSpec): PlanJson {
  const planned: StateModuleJson = { resources: [], child_modules: [] };
  const prior: StateModuleJson = { resources: [], child_modules: [] };
  const root: ConfigModuleJson = { resources: [], variables: spec.variables ?? {}, module_calls: {} };
  const changes: PlanJson['resource_changes'] = [];
  const stateModule = (tree: StateModuleJson, modulePath: string[]): StateModuleJson => {
    let m = tree;
    for (let i = 0; i < modulePath.length; i++) {
      const addr = modulePath.slice(0, i + 1).map((n) => `module.${n}`).join('.');
      let child = m.child_modules!.find((c) => c.address === addr);
      if (!child) {
        child = { address: addr, resources: [], child_modules: [] };
        m.child_modules!.push(child);
      }
      m = child;
    }
    return m;
  };
  const configModule = (modulePath: string[]): ConfigModuleJson => {
    let m = root;
    for (const n of modulePath) {
      m.module_calls ??= {};
      const extra = spec.modules?.[n];
      m.module_calls[n] ??= { source: `./modules/${n}`, expressions: extra?.callExpressions ?? {}, module: { resources: [], variables: extra?.variables ?? {}, outputs: extra?.outputs ?? {}, module_calls: {} } };
      m = m.module_calls[n]!.module!;
    }
    return m;
  };
  for (const name of Object.keys(spec.modules ?? {})) configModule([name]);
  const configured = new Set<string>();
  for (const r of spec.resources) {
    const { modulePath, configAddress } = parseAddress(r.address);
    const tn = typeAndName(r.address);
    const state: StateResourceJson = {
      address: r.address,
      mode: tn.mode,
      type: tn.type,
      name: tn.name,
      ...(tn.index !== undefined ? { index: tn.index } : {}),
      values: (r.values ?? {}) as Record<string, Json>,
      sensitive_values: (r.sensitive ?? {}) as Json,
    };
    stateModule(tn.mode === 'data' ? prior : planned, modulePath).resources!.push(state);
    if (tn.mode === 'managed') changes.push({ address: r.address, change: { actions: ['create'], after_unknown: (r.unknown ?? {}) as Json } });
    if (!configured.has(configAddress)) {
      configured.add(configAddress);
      configModule(modulePath).resources!.push({
        address: `${tn.mode === 'data' ? 'data.' : ''}${tn.type}.${tn.name}`,
        mode: tn.mode,
        type: tn.type,
        name: tn.name,
        expressions: (r.expressions ?? {}) as ExpressionsJson,
      });
    }
  }
  return {
    format_version: '1.2',
    planned_values: { root_module: planned },
    prior_state: { values: { root_module: prior } },
    resource_changes: changes,
    configuration: { root_module: root },
  };
}

export const START: ScenarioInfo = { name: 'start', transition: 'start', prebuild: false };
export const STOP: ScenarioInfo = { name: 'stop', transition: 'stop', prebuild: false };

/** A rule context over a template dir (its .tf text) and a synthetic plan and graph. */
export function ruleContext(files: Record<string, string>, spec: PlanSpec, dot?: string, scenario: ScenarioInfo = START): PlanRuleContext {
  return { scenario, plan: new PlanModel(planJson(spec)), graph: dot === undefined ? undefined : parseDot(dot), locator: new Locator(templateDir(files)) };
}

/** A DOT graph in `tofu graph` form from `from -> to` pairs of resource labels. */
export function dot(edges: ReadonlyArray<readonly [string, string]>, extraNodes: readonly string[] = []): string {
  const labels = new Set<string>(extraNodes);
  for (const [a, b] of edges) {
    labels.add(a);
    labels.add(b);
  }
  const node = (l: string): string => `"[root] ${l} (expand)"`;
  return [
    'digraph {',
    '\tsubgraph "root" {',
    ...[...labels].map((l) => `\t\t${node(l)} [label = "${l}", shape = "box"]`),
    ...edges.map(([a, b]) => `\t\t${node(a)} -> ${node(b)}`),
    '\t}',
    '}',
  ].join('\n');
}

/** `ruleId@file:line` of findings, for compact assertions. */
export function keys(findings: ReadonlyArray<{ ruleId: string; location: { file: string; line?: number } }>): string[] {
  return findings.map((f) => `${f.ruleId}@${f.location.file}:${f.location.line ?? '-'}`);
}

export const ref = (...references: string[]): { references: string[] } => ({ references });
export const lit = (constant_value: Json): { constant_value: Json } => ({ constant_value });
