/**
 * Drives one Coder data source through the internal ProviderServer the way Terraform core does:
 * ValidateDataResourceConfig, then ReadDataSource, with values msgpack-encoded against the data
 * source's implied type and CODER_* variables injected through the provider's `env` option.
 *
 * Configs are written as partial objects: omitted attributes are null and omitted blocks empty,
 * exactly as Terraform sends an HCL body that does not mention them.
 */
import { createCoderProvider } from '../../../provider/coder/provider';
import { dataSources } from '../../../provider/coder/registry';
import { impliedType, sortedEntries, withImplicitId, type BodySpec, type TopSchema } from '../../../provider/framework/schema';
import type { Diagnostic, ProviderServer } from '../../../provider/protocol/interface';
import { decodeMsgpack, encodeMsgpack } from '../../../provider/values/msgpack';
import type { CtyType } from '../../../provider/values/types';
import { Unknown, isObjectValue, obj, type ObjectValue, type Value } from '../../../provider/values/value';

/** Canonical lowercase v4 UUID, as google/uuid NewString prints it. */
export const V4_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const call = { signal: new AbortController().signal };

export interface Partial {
  [key: string]: Value | Partial | Partial[] | undefined;
}

export interface ReadOutcome {
  /** Diagnostics of the validate phase; when it has errors, Read is not called. */
  readonly validate: Diagnostic[];
  readonly diagnostics: Diagnostic[];
  readonly state: ObjectValue | null;
}

export class DataSourceDriver {
  readonly schema: TopSchema;
  readonly type: CtyType;
  readonly server: ProviderServer;

  /** `env`: variable name → value; a name that is absent is unset (an empty string is set). */
  constructor(
    readonly typeName: string,
    env: Record<string, string> = {},
  ) {
    const def = dataSources.find((d) => d.typeName === typeName);
    if (!def) throw new Error(`${typeName} is not registered`);
    this.schema = withImplicitId(def.schema);
    this.type = impliedType(this.schema);
    this.server = createCoderProvider(undefined, { env: (name) => (Object.prototype.hasOwnProperty.call(env, name) ? env[name] : undefined) });
  }

  config(partial: Partial = {}): ObjectValue {
    return fill(this.schema, partial);
  }

  async validate(partial: Partial): Promise<Diagnostic[]> {
    const r = await this.server.validateDataResourceConfig(
      { typeName: this.typeName, config: { msgpack: encodeMsgpack(this.config(partial), this.type) } },
      call,
    );
    return [...r.diagnostics];
  }

  /** ReadDataSource alone (no validation). */
  async readOnly(partial: Partial): Promise<{ diagnostics: Diagnostic[]; state: ObjectValue | null }> {
    const r = await this.server.readDataSource({ typeName: this.typeName, config: { msgpack: encodeMsgpack(this.config(partial), this.type) } }, call);
    const s = r.state?.msgpack && r.state.msgpack.length > 0 ? decodeMsgpack(r.state.msgpack, this.type) : null;
    return { diagnostics: [...r.diagnostics], state: isObjectValue(s) ? s : null };
  }

  /** Validate, then (if valid) Read: what `tofu plan` does with a wholly known config. */
  async read(partial: Partial): Promise<ReadOutcome> {
    const validate = await this.validate(partial);
    if (validate.some((d) => d.severity === 'error')) return { validate, diagnostics: [], state: null };
    const r = await this.readOnly(partial);
    return { validate, ...r };
  }
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

/** Diagnostics reduced to severity, summary, detail (when non-empty) and attribute path (when any). */
export const brief = (ds: readonly Diagnostic[]): { severity: string; summary: string; detail?: string; path?: unknown }[] =>
  ds.map((d) => ({
    severity: d.severity,
    summary: d.summary,
    ...(d.detail !== undefined && d.detail !== '' ? { detail: d.detail } : {}),
    ...(d.path && d.path.length > 0 ? { path: d.path } : {}),
  }));

/** Plain JS copy of a value for toEqual (null-prototype objects become plain ones). */
export function plain(v: Value | undefined): unknown {
  if (v === undefined) return undefined;
  if (v instanceof Unknown) return '<unknown>';
  if (Array.isArray(v)) return v.map(plain);
  if (isObjectValue(v)) {
    const o: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) o[k] = plain(v[k] as Value);
    return o;
  }
  return v;
}
