/**
 * The warm-up run inside the snapshot builder (snapshot-main.ts): every RPC of both protocols,
 * for every resource and data source type, through the real handlers (protobuf decoding, the
 * adapters, the framework, the Coder types, encoding). V8 keeps compiled bytecode in a startup
 * snapshot, so a provider process starts with these paths compiled instead of compiling them
 * during its first calls.
 *
 * The requests are made from the provider's definition alone (a plausible value for every
 * settable attribute, typed by the framework's impliedType);
 * their answers, including error diagnostics, are thrown away. The caller makes sure nothing here
 * reads the environment or draws randomness (see snapshot-main.ts).
 */
import type * as grpc from '@grpc/grpc-js';
import { decodeMsgpack, encodeJson, encodeMsgpack, type CtyType, type Value } from '../values';
import type { ProviderDefinition } from '../framework/resource';
import { impliedType, sortedEntries, withImplicitId, type BodySpec, type TopSchema } from '../framework/schema';
import type { ProviderServer } from '../protocol/interface';
import { providerServiceDefinition } from '../protocol/register';
import { StopSource } from '../protocol/runtime';
import { createV5Implementation } from '../protocol/v5';
import { createV6Implementation } from '../protocol/v6';

/** Values for attributes whose validators accept only a few strings. */
const KNOWN_STRINGS: Readonly<Record<string, string>> = {
  os: 'linux',
  arch: 'amd64',
  type: 'string',
  merge_strategy: 'replace',
  api_key_scope: 'all',
  cron: '0 0 * * *',
};

/** A plausible value of type t for an attribute called `name`. */
function sample(t: CtyType, name: string): Value {
  switch (t.kind) {
    case 'string':
      if (Object.prototype.hasOwnProperty.call(KNOWN_STRINGS, name)) return KNOWN_STRINGS[name]!;
      if (name.includes('url')) return 'https://coder.example.com/warm-up';
      return 'warm-up';
    case 'number':
      return 1;
    case 'bool':
      return false;
    case 'dynamic':
      return 'warm-up';
    case 'list':
    case 'set':
      return [sample(t.element, name)];
    case 'map':
      return { key: sample(t.element, name) };
    case 'object': {
      const out: Record<string, Value> = {};
      for (const [k, v] of Object.entries(t.attributes)) out[k] = sample(v, k);
      return out;
    }
    case 'tuple':
      return t.elements.map((e) => sample(e, name));
  }
}

/** A configuration for `body`: every settable attribute set, computed-only ones and `id` null, one element per block. */
function configFor(body: BodySpec): Value {
  const out: Record<string, Value> = {};
  for (const [name, a] of sortedEntries(body.attributes)) out[name] = (a.required || a.optional) && name !== 'id' ? sample(a.type, name) : null;
  for (const [name, b] of sortedEntries(body.blocks)) out[name] = [configFor(b)];
  return out;
}

/** A type's schema as the server sees it (resources and data sources get the implicit `id`), its cty type and a configuration. */
function prepared(schema: TopSchema, implicitId: boolean): { schema: TopSchema; type: CtyType; config: Dv } {
  const s = implicitId ? withImplicitId(schema) : schema;
  const type = impliedType(s);
  return { schema: s, type, config: dv(configFor(s), type) };
}

interface Dv {
  msgpack: Uint8Array;
}
function dv(v: Value, t: CtyType): Dv {
  return { msgpack: encodeMsgpack(v, t) };
}

/** Calls a unary handler the way grpc-js does, with the request encoded and decoded on the way. */
function caller(def: grpc.ServiceDefinition, impl: grpc.UntypedServiceImplementation) {
  return async (method: string, request: object): Promise<Record<string, unknown>> => {
    const d = def[method];
    const handler = impl[method] as grpc.handleUnaryCall<unknown, Buffer> | undefined;
    if (!d || !handler) return {};
    const decoded = d.requestDeserialize(d.requestSerialize(request) as Buffer);
    const call = { request: decoded, cancelled: false, on: () => call, removeListener: () => call };
    const bytes = await new Promise<Buffer>((resolve) =>
      handler(call as unknown as grpc.ServerUnaryCall<unknown, Buffer>, (_err, value) => resolve(value ?? Buffer.alloc(0))),
    );
    return d.responseDeserialize(bytes) as Record<string, unknown>;
  };
}

const msgpackOf = (r: Record<string, unknown>, field: string): Uint8Array | undefined =>
  (r[field] as { msgpack?: Uint8Array } | undefined)?.msgpack;

export async function warmUpHandlers<P>(provider: ProviderServer, definition: ProviderDefinition<P>): Promise<void> {
  const NULL = new Uint8Array([0xc0]);
  for (const version of [5, 6] as const) {
    const env = { stop: new StopSource() };
    const impl = version === 5 ? createV5Implementation(provider, env) : createV6Implementation(provider, env);
    const call = caller(providerServiceDefinition(version), impl);
    const v5 = version === 5;
    await call(v5 ? 'GetSchema' : 'GetProviderSchema', {});
    await call('GetMetadata', {});
    const providerConfig = prepared(definition.schema, false).config;
    await call(v5 ? 'PrepareProviderConfig' : 'ValidateProviderConfig', { config: providerConfig });
    await call(v5 ? 'Configure' : 'ConfigureProvider', { terraformVersion: '1.12.0', config: providerConfig });

    for (const r of definition.resources) {
      const typeName = r.typeName;
      const { schema, type, config } = prepared(r.schema, true);
      await call(v5 ? 'ValidateResourceTypeConfig' : 'ValidateResourceConfig', { typeName, config });
      const planned = await call('PlanResourceChange', { typeName, priorState: { msgpack: NULL }, proposedNewState: config, config });
      const plannedState = msgpackOf(planned, 'plannedState') ?? config.msgpack;
      const applied = await call('ApplyResourceChange', { typeName, priorState: { msgpack: NULL }, plannedState: { msgpack: plannedState }, config });
      const state = msgpackOf(applied, 'newState');
      if (!state || state.length === 1) continue;
      await call('ReadResource', { typeName, currentState: { msgpack: state } });
      const json = encodeJson(decodeMsgpack(state, type), type);
      await call('UpgradeResourceState', { typeName, version: schema.version, rawState: { json: Buffer.from(json) } });
      await call('PlanResourceChange', { typeName, priorState: { msgpack: state }, proposedNewState: config, config });
      await call('ApplyResourceChange', { typeName, priorState: { msgpack: state }, plannedState: { msgpack: NULL }, config: { msgpack: NULL } });
    }
    for (const d of definition.dataSources) {
      const typeName = d.typeName;
      const { config } = prepared(d.schema, true);
      await call(v5 ? 'ValidateDataSourceConfig' : 'ValidateDataResourceConfig', { typeName, config });
      await call('ReadDataSource', { typeName, config });
    }
  }
}
