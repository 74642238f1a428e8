/**
 * The parts of `tofu show -json <planfile>` the check reads, and a flat model of them.
 *
 * Coder's provisioner builds a workspace from two modules of the plan (ecosystem.md section 5.1): the
 * **data** resources of `prior_state` (rich parameters only show up there) and `planned_values`.
 * The model follows that, and joins each resource instance with its configuration (expressions and
 * their references) and its `sensitive_values` tree, which is how tofu says which values are secret
 * (`show -json` prints the values themselves in clear text).
 */

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

export interface StateResourceJson {
  address: string;
  mode: 'managed' | 'data';
  type: string;
  name: string;
  index?: number | string;
  provider_name?: string;
  values?: Record<string, Json>;
  sensitive_values?: Json;
}

export interface StateModuleJson {
  address?: string;
  resources?: StateResourceJson[];
  child_modules?: StateModuleJson[];
}

export interface ExpressionJson {
  constant_value?: Json;
  references?: string[];
}

/** An expression map: attribute name -> expression, or -> nested blocks (an array of expression maps). */
export interface ExpressionsJson {
  [attr: string]: ExpressionJson | ExpressionsJson[] | ExpressionsJson;
}

export interface ConfigResourceJson {
  address: string;
  mode: 'managed' | 'data';
  type: string;
  name: string;
  expressions?: ExpressionsJson;
  count_expression?: ExpressionJson;
  for_each_expression?: ExpressionJson;
  depends_on?: string[];
}

export interface ConfigVariableJson {
  default?: Json;
  description?: string;
  sensitive?: boolean;
  ephemeral?: boolean;
}

export interface ConfigOutputJson {
  sensitive?: boolean;
  expression?: ExpressionJson;
}

export interface ConfigModuleJson {
  resources?: ConfigResourceJson[];
  variables?: Record<string, ConfigVariableJson>;
  outputs?: Record<string, ConfigOutputJson>;
  module_calls?: Record<string, { source?: string; expressions?: ExpressionsJson; module?: ConfigModuleJson }>;
}

export interface ResourceChangeJson {
  address: string;
  change?: { actions?: string[]; after_unknown?: Json; after_sensitive?: Json };
}

export interface PlanJson {
  format_version?: string;
  variables?: Record<string, { value?: Json }>;
  planned_values?: { root_module?: StateModuleJson };
  prior_state?: { values?: { root_module?: StateModuleJson } };
  resource_changes?: ResourceChangeJson[];
  configuration?: { root_module?: ConfigModuleJson };
  errored?: boolean;
}

export interface ConfigResource {
  readonly modulePath: readonly string[];
  readonly json: ConfigResourceJson;
}

export interface PlanResource {
  /** Full instance address, e.g. `module.app.coder_agent.main[0]`. */
  readonly address: string;
  /** Address without instance keys anywhere: `module.app.coder_agent.main` (Coder's "label" drops only the last key). */
  readonly configAddress: string;
  /** Coder's graph label: the address up to the first `[`. */
  readonly label: string;
  readonly modulePath: readonly string[];
  readonly mode: 'managed' | 'data';
  readonly type: string;
  readonly name: string;
  readonly index: number | string | undefined;
  /** Known values (unknown ones are absent, as in `show -json`). */
  readonly values: Record<string, Json>;
  readonly sensitive: Json;
  /** `after_unknown` of the change (managed resources), or undefined. */
  readonly unknown: Json | undefined;
  readonly config: ConfigResource | undefined;
}

export interface ConfigModule {
  readonly modulePath: readonly string[];
  readonly json: ConfigModuleJson;
}

export class PlanModel {
  readonly resources: readonly PlanResource[];
  readonly configModules: readonly ConfigModule[];
  private readonly configByAddress = new Map<string, ConfigResource>();

  constructor(readonly json: PlanJson) {
    const modules: ConfigModule[] = [];
    const walkConfig = (m: ConfigModuleJson | undefined, modulePath: string[]): void => {
      if (!m) return;
      modules.push({ modulePath, json: m });
      for (const r of m.resources ?? []) {
        const full = [...modulePath.map((n) => `module.${n}`), r.address].join('.');
        this.configByAddress.set(full, { modulePath, json: r });
      }
      for (const [name, call] of Object.entries(m.module_calls ?? {})) walkConfig(call.module, [...modulePath, name]);
    };
    walkConfig(json.configuration?.root_module, []);
    this.configModules = modules;

    const unknownByAddress = new Map<string, Json>();
    for (const rc of json.resource_changes ?? []) {
      if (rc.change?.after_unknown !== undefined) unknownByAddress.set(rc.address, rc.change.after_unknown);
    }

    const out: PlanResource[] = [];
    const seen = new Set<string>();
    const add = (r: StateResourceJson): void => {
      if (seen.has(r.address)) return;
      seen.add(r.address);
      const parsed = parseAddress(r.address);
      const configAddress = parsed.configAddress;
      out.push({
        address: r.address,
        configAddress,
        label: r.address.split('[')[0]!,
        modulePath: parsed.modulePath,
        mode: r.mode,
        type: r.type,
        name: r.name,
        index: r.index,
        values: r.values ?? {},
        sensitive: r.sensitive_values ?? {},
        unknown: unknownByAddress.get(r.address),
        config: this.configByAddress.get(configAddress),
      });
    };
    // Data sources read during planning live in prior_state; planned_values holds managed resources
    // (and data sources deferred to apply).
    walkState(json.prior_state?.values?.root_module, (r) => {
      if (r.mode === 'data') add(r);
    });
    walkState(json.planned_values?.root_module, add);
    this.resources = out;
  }

  ofType(type: string, mode: 'managed' | 'data' = 'managed'): PlanResource[] {
    return this.resources.filter((r) => r.type === type && r.mode === mode);
  }

  config(configAddress: string): ConfigResource | undefined {
    return this.configByAddress.get(configAddress);
  }

  /** All configured resources (including those with no instance in this plan). */
  configResources(): ConfigResource[] {
    return [...this.configByAddress.values()];
  }

  module(modulePath: readonly string[]): ConfigModule | undefined {
    return this.configModules.find((m) => sameModule(m.modulePath, modulePath));
  }

  /** Instances of a config address (e.g. every `coder_agent.main[i]`). */
  instancesOf(configAddress: string): PlanResource[] {
    return this.resources.filter((r) => r.configAddress === configAddress);
  }

  /**
   * Whether a reference written in module `modulePath` (as listed by `references`, e.g.
   * `var.token`, `data.coder_workspace_owner.me.session_token`, `module.db.password`) is a
   * sensitive source: a sensitive variable, a sensitive attribute of an instance of that resource,
   * or a sensitive module output. Locals cannot be followed (show -json omits them); tofu's own
   * marks on the consuming attribute cover them.
   */
  isSensitiveReference(modulePath: readonly string[], ref: string): boolean {
    const parts = splitReference(ref);
    if (parts[0] === 'var' && parts[1]) {
      return this.module(modulePath)?.json.variables?.[parts[1]]?.sensitive === true;
    }
    if (parts[0] === 'module' && parts[1] && parts[2]) {
      const out = this.module([...modulePath, parts[1]])?.json.outputs?.[parts[2]];
      return out?.sensitive === true;
    }
    if (parts[0] === 'local' || parts[0] === 'each' || parts[0] === 'count' || parts[0] === 'path' || parts[0] === 'terraform' || parts[0] === 'self') return false;
    let mode: 'managed' | 'data' = 'managed';
    let rest = parts;
    if (parts[0] === 'data') {
      mode = 'data';
      rest = parts.slice(1);
    }
    const [type, nameWithIndex, attr] = rest;
    if (!type || !nameWithIndex || !attr) return false;
    const name = nameWithIndex.replace(/\[.*$/, '');
    const prefix = modulePath.map((n) => `module.${n}.`).join('');
    const configAddress = `${prefix}${mode === 'data' ? 'data.' : ''}${type}.${name}`;
    const attrName = attr.replace(/\[.*$/, '');
    return this.instancesOf(configAddress).some((r) => r.mode === mode && isSensitivePath(r.sensitive, [attrName]));
  }
}

function walkState(m: StateModuleJson | undefined, f: (r: StateResourceJson) => void): void {
  if (!m) return;
  for (const r of m.resources ?? []) f(r);
  for (const c of m.child_modules ?? []) walkState(c, f);
}

export function sameModule(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Splits an address into module path and the config address without instance keys:
 * `module.a["x"].module.b[0].coder_agent.main[1]` -> modulePath ['a','b'],
 * configAddress `module.a.module.b.coder_agent.main`.
 */
export function parseAddress(address: string): { modulePath: string[]; configAddress: string } {
  const parts = splitReference(address);
  const modulePath: string[] = [];
  let i = 0;
  while (parts[i] === 'module' && parts[i + 1]) {
    modulePath.push(stripIndex(parts[i + 1]!));
    i += 2;
  }
  const rest = parts.slice(i).map(stripIndex);
  return { modulePath, configAddress: [...modulePath.map((n) => `module.${n}`), ...rest].join('.') };
}

function stripIndex(s: string): string {
  return s.replace(/\[.*$/, '');
}

/** Splits on dots outside brackets and quotes: `a.b["x.y"].c` -> ['a', 'b["x.y"]', 'c']. */
export function splitReference(ref: string): string[] {
  const out: string[] = [];
  let cur = '';
  let depth = 0;
  let inStr = false;
  for (let i = 0; i < ref.length; i++) {
    const c = ref[i]!;
    if (inStr) {
      cur += c;
      if (c === '\\') {
        cur += ref[++i] ?? '';
      } else if (c === '"') inStr = false;
      continue;
    }
    if (c === '"') inStr = true;
    if (c === '[') depth++;
    if (c === ']') depth--;
    if (c === '.' && depth === 0) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += c;
  }
  if (cur) out.push(cur);
  return out;
}

/** True when a `sensitive_values` tree marks the value at `path` (or a whole ancestor) sensitive. */
export function isSensitivePath(tree: Json | undefined, path: ReadonlyArray<string | number>): boolean {
  let node: Json | undefined = tree;
  for (const p of path) {
    if (node === true) return true;
    if (node === null || node === undefined || typeof node !== 'object') return false;
    node = Array.isArray(node) ? (typeof p === 'number' ? node[p] : undefined) : (node as Record<string, Json>)[String(p)];
  }
  return node === true;
}

/** True when the tree marks anything at or below `path` sensitive. */
export function containsSensitive(tree: Json | undefined, path: ReadonlyArray<string | number> = []): boolean {
  let node: Json | undefined = tree;
  for (const p of path) {
    if (node === true) return true;
    if (node === null || node === undefined || typeof node !== 'object') return false;
    node = Array.isArray(node) ? (typeof p === 'number' ? node[p] : undefined) : (node as Record<string, Json>)[String(p)];
  }
  const any = (n: Json | undefined): boolean =>
    n === true || (n !== null && typeof n === 'object' && (Array.isArray(n) ? n.some(any) : Object.values(n).some(any)));
  return any(node);
}

/** The expression of an attribute (or nested block attribute via path) in a resource's configuration. */
export function expressionAt(expr: ExpressionsJson | undefined, path: ReadonlyArray<string | number>): ExpressionJson | undefined {
  let node: unknown = expr;
  for (const p of path) {
    if (node === null || node === undefined || typeof node !== 'object') return undefined;
    if (Array.isArray(node)) {
      // A nested block list; a single dynamic/config block may stand for every index.
      node = typeof p === 'number' ? (node[p] ?? (node.length === 1 ? node[0] : undefined)) : undefined;
    } else {
      node = (node as Record<string, unknown>)[String(p)];
    }
  }
  if (node && typeof node === 'object' && !Array.isArray(node) && ('references' in node || 'constant_value' in node)) {
    return node as ExpressionJson;
  }
  return undefined;
}

/** References of an expression, without the bare prefixes tofu adds (`random_password.x` next to `random_password.x.result`). */
export function specificReferences(e: ExpressionJson | undefined): string[] {
  const refs = e?.references ?? [];
  return refs.filter((r) => !refs.some((o) => o !== r && o.startsWith(r + '.')) && !refs.some((o) => o !== r && o.startsWith(r + '[')));
}

/** A value read from a JSON object by path, or undefined. */
export function valueAt(values: Json | undefined, path: ReadonlyArray<string | number>): Json | undefined {
  let node: Json | undefined = values;
  for (const p of path) {
    if (node === null || node === undefined || typeof node !== 'object') return undefined;
    node = Array.isArray(node) ? (typeof p === 'number' ? node[p] : undefined) : (node as Record<string, Json>)[String(p)];
  }
  return node;
}

export function str(v: Json | undefined): string | undefined {
  return typeof v === 'string' ? v : undefined;
}
