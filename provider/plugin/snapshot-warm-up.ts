/**
 * The warm-up run inside the snapshot builder (snapshot-main.ts): every RPC of both protocols,
 * for every resource and data source type, through the real handlers (protobuf decoding, the
 * adapters, the framework, the Coder types, encoding). V8 keeps compiled bytecode in a startup
 * snapshot, so a provider process starts with these paths compiled instead of compiling them
 * during its first calls.
 *
 * The requests are made from the schema alone (a plausible value for every settable attribute);
 * their answers, including error diagnostics, are thrown away. The caller makes sure nothing here
 * reads the environment or draws randomness (see snapshot-main.ts).
 */
import type * as grpc from '@grpc/grpc-js';
import {
  DynamicType,
  StringType,
  decodeMsgpack,
  encodeJson,
  encodeMsgpack,
  listOf,
  mapOf,
  objectOf,
  setOf,
  type CtyType,
  type Value,
} from '../values';
import type { GetProviderSchemaResponse, ProviderServer, SchemaBlock } from '../protocol/interface';
import { providerServiceDefinition } from '../protocol/register';
import { StopSource } from '../protocol/runtime';
import { createV5Implementation } from '../protocol/v5';
import { createV6Implementation } from '../protocol/v6';

/** The cty type of a block's values. */
function blockType(block: SchemaBlock): CtyType {
  const attrs: Record<string, CtyType> = {};
  for (const a of block.attributes) attrs[a.name] = a.type ?? DynamicType;
  for (const b of block.blockTypes) {
    const inner = blockType(b.block);
    attrs[b.typeName] =
      b.nesting === 'list' ? listOf(inner) : b.nesting === 'set' ? setOf(inner) : b.nesting === 'map' ? mapOf(inner) : inner;
  }
  return objectOf(attrs);
}

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

/** A configuration for `block`: every settable attribute set, computed-only ones and `id` null. */
function configFor(block: SchemaBlock): Value {
  const out: Record<string, Value> = {};
  for (const a of block.attributes) out[a.name] = (a.required || a.optional) && a.name !== 'id' ? sample(a.type ?? StringType, a.name) : null;
  for (const b of block.blockTypes) {
    const inner = configFor(b.block);
    out[b.typeName] = b.nesting === 'list' || b.nesting === 'set' ? [inner] : b.nesting === 'map' ? { key: inner } : inner;
  }
  return out;
}

type Dv = { msgpack: Uint8Array };
const dv = (v: Value, t: CtyType): Dv => ({ msgpack: encodeMsgpack(v, t) });

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

export async function warmUpHandlers(provider: ProviderServer, answer: GetProviderSchemaResponse): Promise<void> {
  const NULL = new Uint8Array([0xc0]);
  for (const version of [5, 6] as const) {
    const env = { stop: new StopSource() };
    const impl = version === 5 ? createV5Implementation(provider, env) : createV6Implementation(provider, env);
    const call = caller(providerServiceDefinition(version), impl);
    const v5 = version === 5;
    await call(v5 ? 'GetSchema' : 'GetProviderSchema', {});
    await call('GetMetadata', {});
    const providerType = blockType(answer.provider.block);
    const providerConfig = dv(configFor(answer.provider.block), providerType);
    await call(v5 ? 'PrepareProviderConfig' : 'ValidateProviderConfig', { config: providerConfig });
    await call(v5 ? 'Configure' : 'ConfigureProvider', { terraformVersion: '1.12.0', config: providerConfig });

    for (const [typeName, schema] of Object.entries(answer.resourceSchemas)) {
      const type = blockType(schema.block);
      const config = dv(configFor(schema.block), type);
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
    for (const [typeName, schema] of Object.entries(answer.dataSourceSchemas)) {
      const config = dv(configFor(schema.block), blockType(schema.block));
      await call(v5 ? 'ValidateDataSourceConfig' : 'ValidateDataResourceConfig', { typeName, config });
      await call('ReadDataSource', { typeName, config });
    }
  }
}
