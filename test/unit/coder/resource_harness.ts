/**
 * Drives one Coder resource through the internal ProviderServer the way Terraform core does:
 * ValidateResourceConfig, PlanResourceChange (create or re-plan against prior state) and
 * ApplyResourceChange, with values msgpack-encoded against the resource's implied type.
 *
 * Configs are written as partial objects: omitted attributes are null and omitted blocks empty,
 * exactly as Terraform sends an HCL body that does not mention them.
 */
import { createCoderProvider } from '../../../provider/coder/provider';
import { resources } from '../../../provider/coder/registry';
import type { ResourceDefinition } from '../../../provider/framework/resource';
import { impliedType, sortedEntries, withImplicitId, type BodySpec, type TopSchema } from '../../../provider/framework/schema';
import type { AttributePath, Diagnostic, ProviderServer } from '../../../provider/protocol/interface';
import { decodeMsgpack, encodeMsgpack } from '../../../provider/values/msgpack';
import type { CtyType } from '../../../provider/values/types';
import { Unknown, UNKNOWN, isObjectValue, obj, type ObjectValue, type Value } from '../../../provider/values/value';
import type { CoderProviderData } from '../../../provider/coder/provider_data';

export { UNKNOWN, Unknown };

/** Canonical lowercase v4 UUID, as google/uuid NewString prints it. */
export const V4_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const call = { signal: new AbortController().signal };
const EMPTY = new Uint8Array(0);

export interface Partial {
  [key: string]: Value | Partial | Partial[] | undefined;
}

export class ResourceDriver {
  readonly schema: TopSchema;
  readonly type: CtyType;
  readonly server: ProviderServer;

  constructor(
    readonly typeName: string,
    env: Record<string, string> = {},
  ) {
    const def = resources.find((r: ResourceDefinition<CoderProviderData>) => r.typeName === typeName);
    if (!def) throw new Error(`${typeName} is not registered`);
    this.schema = withImplicitId(def.schema);
    this.type = impliedType(this.schema);
    this.server = createCoderProvider(undefined, { env: (name) => env[name] });
  }

  /** This resource's schema as GetProviderSchema reports it. */
  async protocolSchema() {
    const s = await this.server.getProviderSchema(call);
    const r = s.resourceSchemas[this.typeName];
    if (!r) throw new Error(`${this.typeName} missing from GetProviderSchema`);
    return r;
  }

  /** A full object value for the resource from a partial one (absent = null / no blocks). */
  config(partial: Partial = {}): ObjectValue {
    return fill(this.schema, partial);
  }

  encode(v: Value): { msgpack: Uint8Array } {
    return { msgpack: encodeMsgpack(v, this.type) };
  }

  decode(dv: { msgpack?: Uint8Array } | undefined): Value {
    if (!dv?.msgpack || dv.msgpack.length === 0) return null;
    return decodeMsgpack(dv.msgpack, this.type);
  }

  async validate(partial: Partial): Promise<Diagnostic[]> {
    const r = await this.server.validateResourceConfig({ typeName: this.typeName, config: this.encode(this.config(partial)) }, call);
    return [...r.diagnostics];
  }

  /** Plans a create (prior = null) or an update against `prior`. */
  async plan(
    partial: Partial,
    prior: ObjectValue | null = null,
  ): Promise<{ planned: ObjectValue | null; requiresReplace: AttributePath[]; diagnostics: Diagnostic[]; legacy: boolean; samePlannedBytes: boolean }> {
    const config = this.config(partial);
    const priorBytes = this.encode(prior);
    const r = await this.server.planResourceChange({
      typeName: this.typeName,
      priorState: priorBytes,
      proposedNewState: this.encode(proposed(this.schema, prior, config)),
      config: this.encode(config),
      priorPrivate: EMPTY,
    }, call);
    const planned = this.decode(r.plannedState);
    const samePlannedBytes =
      r.plannedState?.msgpack !== undefined && Buffer.from(r.plannedState.msgpack).equals(Buffer.from(priorBytes.msgpack));
    return {
      planned: isObjectValue(planned) ? planned : null,
      requiresReplace: [...r.requiresReplace],
      diagnostics: [...r.diagnostics],
      legacy: r.legacyTypeSystem,
      samePlannedBytes,
    };
  }

  async apply(planned: ObjectValue, partial: Partial, prior: ObjectValue | null = null): Promise<{ state: ObjectValue | null; diagnostics: Diagnostic[]; legacy: boolean }> {
    const r = await this.server.applyResourceChange({
      typeName: this.typeName,
      priorState: this.encode(prior),
      plannedState: this.encode(planned),
      config: this.encode(this.config(partial)),
      plannedPrivate: EMPTY,
    }, call);
    const state = this.decode(r.newState);
    return { state: isObjectValue(state) ? state : null, diagnostics: [...r.diagnostics], legacy: r.legacyTypeSystem };
  }

  /**
   * validate → plan → apply, as `tofu apply` does for a new object. Stops at the first step that
   * reports an error and says which one.
   */
  async create(partial: Partial): Promise<{
    step: 'validate' | 'plan' | 'apply' | 'done';
    diagnostics: Diagnostic[];
    planned: ObjectValue | null;
    state: ObjectValue | null;
  }> {
    const vd = await this.validate(partial);
    if (vd.some((d) => d.severity === 'error')) return { step: 'validate', diagnostics: vd, planned: null, state: null };
    const p = await this.plan(partial);
    if (p.diagnostics.some((d) => d.severity === 'error') || !p.planned) return { step: 'plan', diagnostics: [...vd, ...p.diagnostics], planned: null, state: null };
    const a = await this.apply(p.planned, partial);
    const diagnostics = [...vd, ...p.diagnostics, ...a.diagnostics];
    return { step: a.diagnostics.some((d) => d.severity === 'error') ? 'apply' : 'done', diagnostics, planned: p.planned, state: a.state };
  }

  /** UpgradeResourceState from stored JSON state (as in terraform.tfstate). */
  async upgrade(json: unknown, version: number): Promise<{ state: ObjectValue | null; diagnostics: Diagnostic[] }> {
    const r = await this.server.upgradeResourceState(
      { typeName: this.typeName, version, rawState: { json: new TextEncoder().encode(JSON.stringify(json)) } },
      call,
    );
    const s = this.decode(r.upgradedState);
    return { state: isObjectValue(s) ? s : null, diagnostics: [...r.diagnostics] };
  }

  async import(id: string): Promise<Diagnostic[]> {
    return [...(await this.server.importResourceState({ typeName: this.typeName, id }, call)).diagnostics];
  }

  async read(state: ObjectValue): Promise<{ state: ObjectValue | null; diagnostics: Diagnostic[] }> {
    const r = await this.server.readResource({ typeName: this.typeName, currentState: this.encode(state), private: EMPTY }, call);
    const s = this.decode(r.newState);
    return { state: isObjectValue(s) ? s : null, diagnostics: [...r.diagnostics] };
  }
}

/** Terraform's proposed new state: config, with computed members the config leaves null taken from prior. */
function proposed(body: BodySpec, prior: Value, config: ObjectValue): ObjectValue {
  const p = isObjectValue(prior) ? prior : obj();
  const out = obj();
  for (const [name, a] of sortedEntries(body.attributes)) {
    const c = config[name] ?? null;
    out[name] = c === null && a.computed ? (p[name] ?? null) : c;
  }
  for (const [name, b] of sortedEntries(body.blocks)) {
    const c = config[name];
    out[name] = b.computed && Array.isArray(c) && c.length === 0 && Array.isArray(p[name]) ? (p[name] as Value) : (c ?? []);
  }
  return out;
}

function fill(body: BodySpec, partial: Partial): ObjectValue {
  const known = new Set([...Object.keys(body.attributes), ...Object.keys(body.blocks ?? {})]);
  for (const k of Object.keys(partial)) if (!known.has(k)) throw new Error(`unknown member ${k}`);
  const out = obj();
  for (const [name] of sortedEntries(body.attributes)) {
    const v = partial[name];
    out[name] = v === undefined ? null : (v as Value);
  }
  for (const [name, b] of sortedEntries(body.blocks)) {
    const v = partial[name];
    if (v instanceof Unknown) out[name] = v;
    else out[name] = Array.isArray(v) ? v.map((e) => (e instanceof Unknown ? e : fill(b, e as Partial))) : [];
  }
  return out;
}

/** Diagnostics reduced to what the SDK contract fixes: severity, summary, detail. */
export const brief = (ds: readonly Diagnostic[]): { severity: string; summary: string; detail?: string }[] =>
  ds.map((d) => ({ severity: d.severity, summary: d.summary, ...(d.detail !== undefined && d.detail !== '' ? { detail: d.detail } : {}) }));

export const errorsOf = (ds: readonly Diagnostic[]): string[] => ds.filter((d) => d.severity === 'error').map((d) => d.summary + (d.detail ? `: ${d.detail}` : ''));
export const warningsOf = (ds: readonly Diagnostic[]): string[] =>
  ds.filter((d) => d.severity === 'warning').map((d) => d.summary + (d.detail ? `: ${d.detail}` : ''));

/** Plain JS copy of a value for toEqual (null-prototype objects become plain ones). */
export function plain(v: Value): unknown {
  if (v instanceof Unknown) return '<unknown>';
  if (Array.isArray(v)) return v.map(plain);
  if (isObjectValue(v)) {
    const o: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) o[k] = plain(v[k] as Value);
    return o;
  }
  return v;
}
