/**
 * Fuzzing every provider RPC over a real gRPC connection to the real bundle.
 *
 * The bundle is started the way Terraform starts it (magic cookie, AutoMTLS with a client
 * certificate, a Coder build environment), and a raw grpc-js client sends request bytes to every
 * method of tfplugin5.Provider or tfplugin6.Provider, with `concurrency` calls in flight.
 *
 * Inputs (per call, a pure function of (seed, protocol, index)): valid requests carrying random
 * values of the right schema type (nulls, unknowns with refinements, huge strings), with values
 * damaged (mutated msgpack, wrong types, random bytes, deep nesting, JSON instead of msgpack), with
 * the protobuf damaged (bit flips, truncation, unknown fields, random fields of every wire type),
 * or random bytes; and unknown type names.
 *
 * Oracles: every call is answered within the deadline; implemented methods never answer with a
 * gRPC error (only unimplemented ones, with UNIMPLEMENTED); every response decodes; diagnostics
 * are well-formed; an input the protocol must reject (undecodable request, unknown type, a value
 * that does not decode as the schema type, a state version from the future) gets an error
 * diagnostic; an accepted plan/apply/read carries a state that decodes as the schema type; the
 * process stays alive, healthy, quiet (no panic, no fuzz value in its log) and its memory levels
 * off; at the end it still plans correctly and exits 0 on GRPCController.Shutdown.
 */
import * as grpc from '@grpc/grpc-js';
import { readFileSync } from 'node:fs';
import { generateCertificate } from '../../../provider/plugin/cert';
import type { MethodSpec } from '../../../provider/protocol/runtime';
import { tfplugin5Methods } from '../../../provider/protocol/v5';
import { tfplugin6Methods } from '../../../provider/protocol/v6';
import {
  decodeFlatmap,
  decodeJson,
  decodeMsgpack,
  encodeJson,
  encodeMsgpack,
  isObjectValue,
  obj,
  type CtyType,
} from '../../../provider/values';
import { coderBuildEnv } from '../../e2e/harness';
import { channelCredentials, pluginEnv, startPlugin, type Handshake, type PluginProcess } from '../../protocol/plugin-harness';
import { DEFAULT_GEN, SENTINEL, randomString, randomValue, withHugeString, type GenOptions } from './gen';
import { mutate } from './mutate';
import { randomProtobuf, withUnknownFields } from './protobuf';
import { FindingLog, hexPreview, newStats, type TargetStats } from './report';
import { Rng, hashString, mixSeed } from './rng';
import { dataTargets, providerTarget, resourceTargets, type SchemaTarget } from './schemas';

export interface GrpcFuzzOptions {
  /** The executable to fuzz (dist/terraform-provider-coder). */
  readonly bin: string;
  readonly seed: number;
  /** Number of calls. */
  readonly inputs: number;
  readonly protocol: 5 | 6;
  readonly concurrency?: number;
  /** Every call must be answered within this. */
  readonly deadlineMs?: number;
  /** Largest "huge" string value. */
  readonly maxString?: number;
  readonly onProgress?: (done: number, total: number) => void;
  /** Only these input indices (a replay of findings), one at a time. */
  readonly only?: readonly number[];
  /**
   * Caps the provider's V8 old space (NODE_OPTIONS=--max-old-space-size): memory that grows
   * without bound then ends in an out-of-memory crash, which the run reports.
   */
  readonly heapLimitMiB?: number;
}

export interface MemoryFigures {
  /** VmRSS in MiB: after warm-up (5 % of inputs), at half way, at the end, highest seen. */
  readonly warmMiB: number;
  readonly midMiB: number;
  readonly endMiB: number;
  readonly peakMiB: number;
}

export interface GrpcFuzzResult {
  readonly protocol: 5 | 6;
  readonly stats: Map<string, TargetStats>;
  readonly strategies: Map<string, TargetStats>;
  readonly log: FindingLog;
  readonly inputs: number;
  readonly ms: number;
  readonly memory: MemoryFigures | undefined;
  readonly restarts: number;
  readonly latency: { p50: number; p99: number; max: number };
  readonly healthChecks: number;
  /** Calls that missed the deadline under load and were tried again alone. */
  readonly retriedAlone: number;
  readonly shutdownExitCode: number | null;
  /** CPU seconds: the provider process (last one, if restarted) and this fuzzing client. */
  readonly cpu: { provider: number | undefined; client: number };
}

type Op =
  | 'getMetadata'
  | 'getSchema'
  | 'getIdentitySchemas'
  | 'getFunctions'
  | 'validateProvider'
  | 'validateResource'
  | 'validateData'
  | 'upgrade'
  | 'configure'
  | 'read'
  | 'plan'
  | 'apply'
  | 'import'
  | 'move'
  | 'readData'
  | 'stop';

/** Implemented operations: [op, v5 method, v6 method, weight]. */
const OPS: ReadonlyArray<readonly [Op, string, string, number]> = [
  ['getMetadata', 'GetMetadata', 'GetMetadata', 1],
  ['getSchema', 'GetSchema', 'GetProviderSchema', 1],
  ['getIdentitySchemas', 'GetResourceIdentitySchemas', 'GetResourceIdentitySchemas', 0.5],
  ['getFunctions', 'GetFunctions', 'GetFunctions', 0.5],
  ['validateProvider', 'PrepareProviderConfig', 'ValidateProviderConfig', 3],
  ['validateResource', 'ValidateResourceTypeConfig', 'ValidateResourceConfig', 10],
  ['validateData', 'ValidateDataSourceConfig', 'ValidateDataResourceConfig', 8],
  ['upgrade', 'UpgradeResourceState', 'UpgradeResourceState', 10],
  ['configure', 'Configure', 'ConfigureProvider', 3],
  ['read', 'ReadResource', 'ReadResource', 8],
  ['plan', 'PlanResourceChange', 'PlanResourceChange', 15],
  ['apply', 'ApplyResourceChange', 'ApplyResourceChange', 10],
  ['import', 'ImportResourceState', 'ImportResourceState', 2],
  ['move', 'MoveResourceState', 'MoveResourceState', 3],
  ['readData', 'ReadDataSource', 'ReadDataSource', 12],
  ['stop', 'Stop', 'StopProvider', 0.3],
];
/** Share of calls that go to methods we do not implement (all of them, round robin). */
const UNIMPLEMENTED_WEIGHT = 4;

type Strategy = 'valid' | 'value-damaged' | 'proto-mutated' | 'proto-unknown-fields' | 'proto-garbage' | 'random-bytes' | 'truncated' | 'bad-type-name';

const STRATEGIES: ReadonlyArray<readonly [number, Strategy]> = [
  [30, 'valid'],
  [30, 'value-damaged'],
  [14, 'proto-mutated'],
  [5, 'proto-unknown-fields'],
  [8, 'proto-garbage'],
  [5, 'random-bytes'],
  [4, 'truncated'],
  [4, 'bad-type-name'],
];

const ERROR = 1;
const WARNING = 2;

interface WireDiagnostic {
  severity?: number;
  summary?: string;
  detail?: string;
}

interface Planned {
  readonly method: MethodSpec;
  readonly op: Op | undefined;
  readonly strategy: Strategy;
  readonly bytes: Buffer;
}

// ---------------------------------------------------------------------------------------------
// Request generation

interface GenContext {
  readonly rng: Rng;
  readonly gen: GenOptions;
  readonly damage: boolean;
  readonly maxString: number;
}

const resourceByName = (): Map<string, SchemaTarget> => new Map(resourceTargets().map((s) => [s.name, s]));
const dataByName = (): Map<string, SchemaTarget> => new Map(dataTargets().map((s) => [s.name, s]));

/** Bytes nested deep: arrays of one, maps of one, or a dynamic pair, then a leaf. */
function deepNesting(rng: Rng): Buffer {
  const depth = rng.weighted([[3, rng.range(50, 600)], [1, rng.range(600, 100_000)]] as const);
  const unit = rng.pick([Buffer.from([0x91]), Buffer.from([0x81, 0xa1, 0x61]), Buffer.from([0xdc, 0x00, 0x01])]);
  return Buffer.concat([Buffer.alloc(depth * unit.length).fill(unit), Buffer.from([0xc0])]);
}

/** A DynamicValue for `type` (or, when damaging, something that only looks like one). */
function dynamicValue(ctx: GenContext, type: CtyType, otherTypes: readonly CtyType[]): { msgpack?: Buffer; json?: Buffer } | undefined {
  const { rng } = ctx;
  const valid = (): Buffer => Buffer.from(encodeMsgpack(randomValue(rng, type, ctx.gen), type));
  if (!ctx.damage) {
    const r = rng.int(100);
    if (r < 6) return undefined;
    if (r < 12) return { msgpack: Buffer.from([0xc0]) };
    if (r < 17) return { json: Buffer.from(encodeJson(randomValue(rng, type, { ...ctx.gen, unknownRate: 0, infinities: false }), type)) };
    return { msgpack: valid() };
  }
  switch (rng.int(12)) {
    case 0:
    case 1:
    case 2:
      return { msgpack: mutate(rng, valid()) };
    case 3: {
      const other = rng.pick(otherTypes);
      return { msgpack: Buffer.from(encodeMsgpack(randomValue(rng, other, ctx.gen), other)) };
    }
    case 4:
      return { msgpack: rng.bytes(rng.size(128)) };
    case 5:
      return { msgpack: deepNesting(rng) };
    case 6: {
      const text = encodeJson(randomValue(rng, type, { ...ctx.gen, unknownRate: 0, infinities: false }), type);
      return { json: rng.chance(0.5) ? mutate(rng, Buffer.from(text)) : Buffer.from(text) };
    }
    case 7:
      return { json: rng.bytes(rng.size(64)) };
    case 8:
      // Huge: a valid value whose strings are very long.
      return { msgpack: Buffer.from(encodeMsgpack(withHugeString(rng, randomValue(rng, type, ctx.gen), type, ctx.maxString), type)) };
    case 9:
      return { msgpack: valid(), json: rng.bytes(rng.size(32)) };
    case 10:
      return { msgpack: Buffer.alloc(0), json: Buffer.alloc(0) };
    default:
      return { msgpack: valid() };
  }
}

function typeNameFor(ctx: GenContext, pool: readonly SchemaTarget[], badName: boolean): { name: string; target: SchemaTarget | undefined } {
  const { rng } = ctx;
  if (!badName) {
    const t = rng.pick(pool);
    return { name: t.name, target: t };
  }
  const all = [...resourceTargets(), ...dataTargets()];
  const name = rng.pick([
    '',
    'coder_nope',
    rng.pick(all).name.toUpperCase(),
    `${rng.pick(all).name} `,
    randomString(rng, { ...DEFAULT_GEN, maxString: 4096 }),
    'x'.repeat(rng.range(1000, 100_000)),
    '__proto__',
    'constructor',
    rng.pick(all).name, // right name, maybe the wrong kind
  ]);
  return { name, target: pool.find((t) => t.name === name) };
}

function clientCapabilities(rng: Rng): object | undefined {
  if (rng.chance(0.3)) return undefined;
  return { deferralAllowed: rng.chance(0.5), writeOnlyAttributesAllowed: rng.chance(0.5) };
}

function flatmap(rng: Rng, type: CtyType): Record<string, string> {
  const out: Record<string, string> = {};
  const attrs = type.kind === 'object' ? Object.keys(type.attributes) : ['id'];
  const n = rng.size(12);
  for (let i = 0; i < n; i++) {
    const base = rng.chance(0.8) ? rng.pick(attrs) : randomString(rng, { ...DEFAULT_GEN, maxString: 32 });
    const key = rng.pick([base, `${base}.#`, `${base}.%`, `${base}.0`, `${base}.0.key`, `${base}.${rng.int(5)}.value`, `${base}.abc`]);
    out[key] = rng.pick(['1', '0', '2', '-1', 'x', 'true', '', '74D93920-ED26-11E3-AC10-0800200C9A66', randomString(rng, DEFAULT_GEN)]);
  }
  return out;
}

/** The message (as an object for the protobufjs codec) for an implemented operation. */
function buildMessage(ctx: GenContext, op: Op, badName: boolean): object {
  const { rng } = ctx;
  const resources = resourceTargets();
  const datas = dataTargets();
  const provider = providerTarget();
  const allTypes = [...resources, ...datas, provider].map((s) => s.type);
  switch (op) {
    case 'getMetadata':
    case 'getSchema':
    case 'getIdentitySchemas':
    case 'getFunctions':
    case 'stop':
      return {};
    case 'validateProvider':
      return { config: dynamicValue(ctx, provider.type, allTypes) };
    case 'configure':
      return {
        terraformVersion: rng.pick(['1.12.6', '1.5.7', '', 'x'.repeat(rng.range(1, 300))]),
        config: dynamicValue(ctx, provider.type, allTypes),
        clientCapabilities: clientCapabilities(rng),
      };
    case 'validateResource': {
      const { name, target } = typeNameFor(ctx, resources, badName);
      return { typeName: name, config: dynamicValue(ctx, (target ?? rng.pick(resources)).type, allTypes), clientCapabilities: clientCapabilities(rng) };
    }
    case 'validateData': {
      const { name, target } = typeNameFor(ctx, datas, badName);
      return { typeName: name, config: dynamicValue(ctx, (target ?? rng.pick(datas)).type, allTypes) };
    }
    case 'readData': {
      const { name, target } = typeNameFor(ctx, datas, badName);
      return {
        typeName: name,
        config: dynamicValue(ctx, (target ?? rng.pick(datas)).type, allTypes),
        providerMeta: rng.chance(0.2) ? { msgpack: Buffer.from([0xc0]) } : undefined,
        clientCapabilities: clientCapabilities(rng),
      };
    }
    case 'upgrade': {
      const { name, target } = typeNameFor(ctx, resources, badName);
      const type = (target ?? rng.pick(resources)).type;
      const version = rng.weighted([[8, (target?.version ?? 0)], [2, rng.range(0, 3)], [1, -1], [1, 2 ** 40]] as const);
      let rawState: object | undefined;
      const mode = rng.int(10);
      if (mode < 6) {
        const text = encodeJson(randomValue(rng, type, { ...ctx.gen, unknownRate: 0, infinities: false }), type);
        rawState = { json: Buffer.from(ctx.damage && rng.chance(0.6) ? mutate(rng, Buffer.from(text)) : text) };
      } else if (mode < 8) {
        rawState = { flatmap: flatmap(rng, type) };
      } else if (mode < 9) {
        rawState = { json: Buffer.from(JSON.stringify({ ...JSON.parse(encodeJson(randomValue(rng, type, { ...ctx.gen, unknownRate: 0, infinities: false }), type)), startup_script_timeout: 300, removed_attr: 'x' })) };
      } else {
        rawState = undefined;
      }
      return { typeName: name, version, rawState };
    }
    case 'read': {
      const { name, target } = typeNameFor(ctx, resources, badName);
      return {
        typeName: name,
        currentState: dynamicValue(ctx, (target ?? rng.pick(resources)).type, allTypes),
        private: rng.chance(0.3) ? rng.bytes(rng.size(64)) : undefined,
        clientCapabilities: clientCapabilities(rng),
      };
    }
    case 'plan': {
      const { name, target } = typeNameFor(ctx, resources, badName);
      const type = (target ?? rng.pick(resources)).type;
      const config = dynamicValue(ctx, type, allTypes);
      return {
        typeName: name,
        priorState: rng.chance(0.5) ? { msgpack: Buffer.from([0xc0]) } : dynamicValue(ctx, type, allTypes),
        proposedNewState: rng.chance(0.6) ? config : dynamicValue(ctx, type, allTypes),
        config,
        priorPrivate: rng.chance(0.2) ? rng.bytes(rng.size(32)) : undefined,
        clientCapabilities: clientCapabilities(rng),
      };
    }
    case 'apply': {
      const { name, target } = typeNameFor(ctx, resources, badName);
      const type = (target ?? rng.pick(resources)).type;
      return {
        typeName: name,
        priorState: rng.chance(0.6) ? { msgpack: Buffer.from([0xc0]) } : dynamicValue(ctx, type, allTypes),
        plannedState: dynamicValue(ctx, type, allTypes),
        config: dynamicValue(ctx, type, allTypes),
        plannedPrivate: rng.chance(0.2) ? rng.bytes(rng.size(32)) : undefined,
      };
    }
    case 'import': {
      const { name } = typeNameFor(ctx, resources, badName);
      return { typeName: name, id: randomString(rng, ctx.gen) };
    }
    case 'move': {
      const { name } = typeNameFor(ctx, resources, badName);
      return {
        sourceProviderAddress: rng.pick(['registry.terraform.io/coder/coder', 'registry.terraform.io/hashicorp/random', '']),
        sourceTypeName: rng.pick(resources).name,
        sourceSchemaVersion: rng.range(0, 3),
        sourceState: { json: Buffer.from(rng.chance(0.5) ? '{"id":"x"}' : rng.bytes(rng.size(32))) },
        targetTypeName: name,
      };
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Oracles

/** Why the server must answer this (decoded) request with an error; undefined if it need not. */
function mustRejectReason(op: Op, req: Record<string, unknown>): string | undefined {
  const resources = resourceByNameCached();
  const datas = dataByNameCached();
  const providerType = providerTarget().type;
  const dv = (v: unknown, type: CtyType, what: string): string | undefined => {
    const d = (v ?? {}) as { msgpack?: Uint8Array; json?: Uint8Array };
    try {
      if (d.msgpack && d.msgpack.length > 0) decodeMsgpack(d.msgpack, type);
      else if (d.json && d.json.length > 0) decodeJson(d.json, type);
    } catch {
      return `${what} does not decode as the schema type`;
    }
    return undefined;
  };
  const typeName = typeof req.typeName === 'string' ? req.typeName : '';
  switch (op) {
    case 'validateProvider':
      return dv(req.config, providerType, 'config');
    case 'configure':
      return dv(req.config, providerType, 'config');
    case 'validateResource': {
      const r = resources.get(typeName);
      return r ? dv(req.config, r.type, 'config') : 'unknown resource type';
    }
    case 'validateData':
    case 'readData': {
      const d = datas.get(typeName);
      return d ? dv(req.config, d.type, 'config') : 'unknown data source type';
    }
    case 'read': {
      const r = resources.get(typeName);
      return r ? dv(req.currentState, r.type, 'current state') : 'unknown resource type';
    }
    case 'plan': {
      const r = resources.get(typeName);
      if (!r) return 'unknown resource type';
      return dv(req.priorState, r.type, 'prior state') ?? dv(req.proposedNewState, r.type, 'proposed state') ?? dv(req.config, r.type, 'config');
    }
    case 'apply': {
      const r = resources.get(typeName);
      if (!r) return 'unknown resource type';
      return dv(req.plannedState, r.type, 'planned state') ?? dv(req.priorState, r.type, 'prior state');
    }
    case 'upgrade': {
      const r = resources.get(typeName);
      if (!r) return 'unknown resource type';
      const v = req.version as number | { toNumber(): number } | undefined;
      const version = typeof v === 'number' ? v : v ? v.toNumber() : 0;
      if (!Number.isSafeInteger(version)) return 'version out of range';
      if (version > r.version) return 'state from a newer schema version';
      const raw = (req.rawState ?? {}) as { json?: Uint8Array; flatmap?: Record<string, string> };
      try {
        if (raw.json && raw.json.length > 0) decodeJson(raw.json, r.type, { ignoreUndefinedAttributes: true });
        else if (raw.flatmap && Object.keys(raw.flatmap).length > 0) {
          const flat = obj();
          for (const [k, val] of Object.entries(raw.flatmap)) flat[k] = val;
          decodeFlatmap(flat as Record<string, string>, r.type);
        }
      } catch {
        return 'stored state does not decode';
      }
      return undefined;
    }
    case 'import':
      return 'import is not supported';
    case 'move':
      return 'move is not supported';
    default:
      return undefined;
  }
}

let resourceCache: Map<string, SchemaTarget> | undefined;
let dataCache: Map<string, SchemaTarget> | undefined;
const resourceByNameCached = (): Map<string, SchemaTarget> => (resourceCache ??= resourceByName());
const dataByNameCached = (): Map<string, SchemaTarget> => (dataCache ??= dataByName());

/** Problems with an accepted response's payload (state that must decode as the schema type). */
function payloadProblem(op: Op, req: Record<string, unknown>, res: Record<string, unknown>): string | undefined {
  const typeName = typeof req.typeName === 'string' ? req.typeName : '';
  const r = resourceByNameCached().get(typeName);
  const d = dataByNameCached().get(typeName);
  const check = (v: unknown, type: CtyType, what: string, required: boolean): string | undefined => {
    // A value echoed back as it came may be in JSON form (the SDK does the same: an unchanged
    // plan returns the prior state's DynamicValue as is); Terraform reads either.
    const dv = (v ?? {}) as { msgpack?: Uint8Array; json?: Uint8Array };
    const hasMsgpack = !!dv.msgpack && dv.msgpack.length > 0;
    if (!hasMsgpack && (!dv.json || dv.json.length === 0)) return required ? `${what} is missing` : undefined;
    try {
      const value = hasMsgpack ? decodeMsgpack(dv.msgpack!, type) : decodeJson(dv.json!, type);
      if (value !== null && !isObjectValue(value)) return `${what} is not an object`;
    } catch (e) {
      return `${what} does not decode: ${(e as Error).message.slice(0, 120)}`;
    }
    return undefined;
  };
  switch (op) {
    case 'plan':
      return r ? check(res.plannedState, r.type, 'planned state', true) : undefined;
    case 'apply':
      return r ? check(res.newState, r.type, 'new state', true) : undefined;
    case 'read': {
      // A state that is not an object (null, unknown) is handed back as it came.
      if (!r) return undefined;
      const dv = (res.newState ?? {}) as { msgpack?: Uint8Array; json?: Uint8Array };
      try {
        if (dv.msgpack && dv.msgpack.length > 0) decodeMsgpack(dv.msgpack, r.type);
        else if (dv.json && dv.json.length > 0) decodeJson(dv.json, r.type);
      } catch (e) {
        return `new state does not decode: ${(e as Error).message.slice(0, 120)}`;
      }
      return undefined;
    }
    case 'upgrade':
      return r ? check(res.upgradedState, r.type, 'upgraded state', true) : undefined;
    case 'readData':
      return d ? check(res.state, d.type, 'state', true) : undefined;
    case 'getSchema': {
      const schemas = res.resourceSchemas as Record<string, unknown> | undefined;
      const missing = resourceTargets().find((t) => !schemas?.[t.name]);
      return missing ? `schema lacks ${missing.name}` : undefined;
    }
    case 'getMetadata': {
      const list = (res.resources as { typeName: string }[] | undefined) ?? [];
      return list.length === resourceTargets().length ? undefined : `metadata lists ${list.length} resources`;
    }
    default:
      return undefined;
  }
}

// ---------------------------------------------------------------------------------------------
// The run

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** CPU seconds (user + system) a process has used, from /proc (Linux only). */
function cpuSeconds(pid: number | undefined): number | undefined {
  if (pid === undefined || process.platform !== 'linux') return undefined;
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100; // utime + stime, in clock ticks (USER_HZ = 100)
  } catch {
    return undefined;
  }
}

function rssMiB(pid: number | undefined): number | undefined {
  if (pid === undefined || process.platform !== 'linux') return undefined;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : undefined;
  } catch {
    return undefined;
  }
}

interface Target {
  readonly p: PluginProcess;
  readonly hs: Handshake;
  readonly client: grpc.Client;
}

const identity = (b: Buffer): Buffer => b;

export async function runGrpcFuzz(opts: GrpcFuzzOptions): Promise<GrpcFuzzResult> {
  const started = performance.now();
  const protocol = opts.protocol;
  const concurrency = opts.only ? 1 : (opts.concurrency ?? 48);
  const total = opts.only ? opts.only.length : opts.inputs;
  const indexAt = (k: number): number => (opts.only ? opts.only[k]! : k);
  const deadlineMs = opts.deadlineMs ?? 10_000;
  const maxString = opts.maxString ?? 1 << 20;
  const methods = protocol === 5 ? tfplugin5Methods : tfplugin6Methods;
  const service = protocol === 5 ? 'tfplugin5.Provider' : 'tfplugin6.Provider';
  const byName = new Map(methods.map((m) => [m.name, m]));
  const implemented = new Set(OPS.map(([, v5, v6]) => (protocol === 5 ? v5 : v6)));
  const unimplemented = methods.filter((m) => !implemented.has(m.name));
  const log = new FindingLog();
  const stats = new Map<string, TargetStats>();
  const strategies = new Map<string, TargetStats>();
  const latencies: number[] = [];
  const stat = (m: Map<string, TargetStats>, k: string): TargetStats => {
    let s = m.get(k);
    if (!s) m.set(k, (s = newStats()));
    return s;
  };
  const clientIdentity = generateCertificate();
  const env = {
    ...pluginEnv({ PLUGIN_CLIENT_CERT: clientIdentity.certPem, PLUGIN_PROTOCOL_VERSIONS: String(protocol) }),
    ...(coderBuildEnv() as Record<string, string>),
    ...(opts.heapLimitMiB ? { NODE_OPTIONS: `--max-old-space-size=${opts.heapLimitMiB}` } : {}),
  };

  const clientCpuStart = process.cpuUsage();
  let restarts = 0;
  const start = async (): Promise<Target> => {
    const p = startPlugin(opts.bin, env);
    const hs = await p.handshake;
    const client = new grpc.Client(`unix:${hs.address}`, channelCredentials(hs, clientIdentity), {
      'grpc.ssl_target_name_override': 'localhost',
      'grpc.default_authority': 'localhost',
      'grpc.max_receive_message_length': 512 * 1024 * 1024,
      'grpc.max_send_message_length': 512 * 1024 * 1024,
    });
    return { p, hs, client };
  };
  let target = await start();
  // Fail fast when the provider cannot be reached at all (nothing else would be meaningful).
  await new Promise<void>((resolve, reject) =>
    target.client.makeUnaryRequest('/grpc.health.v1.Health/Check', identity, identity, Buffer.from([0x0a, 0x06, ...Buffer.from('plugin')]), { deadline: Date.now() + 10_000 }, (err) =>
      err ? reject(new Error(`the provider does not answer a health check: ${err.message}; stderr: ${target.p.stderr().slice(0, 1000)}`)) : resolve(),
    ),
  ).catch((e: unknown) => {
    target.client.close();
    target.p.child.kill('SIGKILL');
    throw e;
  });
  let dead = false;
  const watchExit = (t: Target): void => {
    void t.p.exited.then((e) => {
      if (t !== target || finishing) return;
      dead = true;
      log.add({ target: `v${protocol} process`, kind: 'crash', detail: `provider exited (${e.code ?? e.signal}) during the run; stderr tail: ${t.p.stderr().slice(-600)}` });
    });
  };
  let finishing = false;
  watchExit(target);

  // Memory and health, sampled while the run goes on.
  const rss: number[] = [];
  let warm: number | undefined;
  let mid: number | undefined;
  let healthChecks = 0;
  let done = 0;
  const sampler = setInterval(() => {
    const r = rssMiB(target.p.child.pid);
    if (r !== undefined) rss.push(r);
    if (warm === undefined && done >= total * 0.05 && r !== undefined) warm = r;
    if (mid === undefined && done >= total * 0.5 && r !== undefined) mid = r;
  }, 250);
  const healthTimer = setInterval(() => {
    const t = target;
    const t0 = Date.now();
    t.client.makeUnaryRequest(
      '/grpc.health.v1.Health/Check',
      identity,
      identity,
      Buffer.from([0x0a, 0x06, ...Buffer.from('plugin')]),
      { deadline: Date.now() + 5000 },
      (err, value) => {
        healthChecks++;
        if (err || !value || value[1] !== 1) {
          if (t === target && !dead) log.add({ target: `v${protocol} health`, kind: err?.code === grpc.status.DEADLINE_EXCEEDED ? 'hang' : 'crash', detail: `health check failed after ${Date.now() - t0} ms: ${err?.message ?? hexPreview(value ?? Buffer.alloc(0))}` });
        }
      },
    );
  }, 1000);

  const opWeights: [number, Op | undefined][] = [...OPS.map(([op, , , w]) => [w, op] as [number, Op]), [UNIMPLEMENTED_WEIGHT, undefined]];

  const plan = (i: number): Planned => {
    const rng = new Rng(mixSeed(opts.seed, protocol, hashString('grpc'), i));
    const op = rng.weighted(opWeights);
    const strategy = rng.weighted(STRATEGIES);
    if (op === undefined) {
      const method = unimplemented[i % unimplemented.length]!;
      const bytes = strategy === 'valid' ? Buffer.alloc(0) : strategy === 'random-bytes' ? rng.bytes(rng.size(256)) : randomProtobuf(rng);
      return { method, op, strategy, bytes };
    }
    const method = byName.get(protocol === 5 ? OPS.find(([o]) => o === op)![1] : OPS.find(([o]) => o === op)![2])!;
    const ctx: GenContext = {
      rng,
      gen: { ...DEFAULT_GEN, maxString: 512 },
      damage: strategy === 'value-damaged',
      maxString,
    };
    if (strategy === 'random-bytes') return { method, op, strategy, bytes: rng.bytes(rng.size(512)) };
    const payloadType = rng.pick(resourceTargets()).type;
    const payloads = [Buffer.from(encodeMsgpack(randomValue(rng, payloadType, ctx.gen), payloadType))];
    if (strategy === 'proto-garbage') return { method, op, strategy, bytes: randomProtobuf(rng, payloads) };
    const message = buildMessage(ctx, op, strategy === 'bad-type-name');
    const valid = Buffer.from(method.request.encode(message as never).finish());
    switch (strategy) {
      case 'proto-mutated':
        return { method, op, strategy, bytes: mutate(rng, valid) };
      case 'proto-unknown-fields':
        return { method, op, strategy, bytes: withUnknownFields(rng, valid) };
      case 'truncated':
        return { method, op, strategy, bytes: valid.subarray(0, rng.int(valid.length + 1)) };
      default:
        return { method, op, strategy, bytes: valid };
    }
  };

  const call = (t: Target, planned: Planned): Promise<{ err: grpc.ServiceError | null; value?: Buffer }> =>
    new Promise((resolve) => {
      const path = `/${service}/${planned.method.name}`;
      const options = { deadline: Date.now() + deadlineMs };
      switch (planned.method.kind) {
        case 'unary':
          t.client.makeUnaryRequest(path, identity, identity, planned.bytes, options, (err, value) => resolve({ err, value }));
          return;
        case 'serverStream': {
          const stream = t.client.makeServerStreamRequest(path, identity, identity, planned.bytes, options);
          stream.on('data', () => undefined);
          stream.on('error', (err: grpc.ServiceError) => resolve({ err }));
          stream.on('end', () => resolve({ err: null }));
          return;
        }
        default: {
          const stream = t.client.makeClientStreamRequest(path, identity, identity, options, (err, value) => resolve({ err, value }));
          stream.write(planned.bytes);
          stream.end();
        }
      }
    });

  // Calls that missed the deadline while `concurrency` others were in flight; each is tried
  // again alone before it counts as a hang (a loaded machine is not a hung provider).
  const retry: number[] = [];
  let retried = 0;
  const judge = (i: number, planned: Planned, err: grpc.ServiceError | null, value: Buffer | undefined, ms: number, alone = false): void => {
    if (err?.code === grpc.status.DEADLINE_EXCEEDED && !alone && !dead) {
      retry.push(i);
      return;
    }
    const name = planned.method.name;
    const s = stat(stats, name);
    const st = stat(strategies, planned.strategy);
    s.inputs++;
    st.inputs++;
    if (ms > s.maxMs) s.maxMs = ms;
    if (ms > st.maxMs) st.maxMs = ms;
    s.totalMs += ms;
    const where = `v${protocol} ${name}`;
    const input = hexPreview(planned.bytes);
    const rejected = (): void => {
      s.rejected++;
      st.rejected++;
    };
    const accepted = (): void => {
      s.accepted++;
      st.accepted++;
    };
    if (planned.op === undefined) {
      if (err?.code === grpc.status.UNIMPLEMENTED) return rejected();
      log.add({ target: where, kind: err?.code === grpc.status.DEADLINE_EXCEEDED ? 'hang' : 'crash', index: i, detail: `unimplemented method answered ${err ? `${grpc.status[err.code]} ${err.details}` : 'OK'}`, input });
      return;
    }
    if (err) {
      if (dead) return; // already reported as a process crash
      log.add({
        target: where,
        kind: err.code === grpc.status.DEADLINE_EXCEEDED ? 'hang' : 'crash',
        index: i,
        detail: `gRPC error ${grpc.status[err.code]}: ${err.details.slice(0, 200)} (strategy ${planned.strategy}, ${planned.bytes.length} bytes, ${ms.toFixed(0)} ms)`,
        input,
      });
      return;
    }
    let res: Record<string, unknown>;
    try {
      res = planned.method.response.decode(value ?? Buffer.alloc(0)) as Record<string, unknown>;
    } catch (e) {
      log.add({ target: where, kind: 'bad-response', index: i, detail: `response does not decode: ${(e as Error).message}`, input });
      return;
    }
    let req: Record<string, unknown> | undefined;
    try {
      req = planned.method.request.decode(planned.bytes) as Record<string, unknown>;
    } catch {
      req = undefined;
    }
    const reason = req === undefined ? 'the request is not a valid protobuf message' : mustRejectReason(planned.op, req);
    let isError: boolean;
    if (planned.op === 'stop') {
      isError = typeof res.Error === 'string' && res.Error !== '';
    } else {
      const diags = (res.diagnostics as WireDiagnostic[] | undefined) ?? [];
      for (const d of diags) {
        if ((d.severity !== ERROR && d.severity !== WARNING) || !d.summary) {
          log.add({ target: where, kind: 'bad-response', index: i, detail: `malformed diagnostic ${JSON.stringify(d).slice(0, 200)}`, input });
        }
      }
      isError = diags.some((d) => d.severity === ERROR);
    }
    if (isError) return rejected();
    if (reason !== undefined) {
      log.add({ target: where, kind: 'accepted-invalid', index: i, detail: `answered without an error diagnostic although ${reason} (strategy ${planned.strategy})`, input });
      return accepted();
    }
    const problem = req === undefined ? undefined : payloadProblem(planned.op, req, res);
    if (problem) log.add({ target: where, kind: 'bad-response', index: i, detail: `${problem} (strategy ${planned.strategy})`, input });
    accepted();
  };

  await new Promise<void>((resolve) => {
    if (total === 0) return resolve();
    let next = 0;
    let inflight = 0;
    let restarting: Promise<void> | undefined;
    const launch = (): void => {
      while (inflight < concurrency && next < total && !restarting) {
        const i = indexAt(next++);
        inflight++;
        const planned = plan(i);
        const t = target;
        const t0 = performance.now();
        void call(t, planned).then(({ err, value }) => {
          const ms = performance.now() - t0;
          latencies.push(ms);
          judge(i, planned, err, value, ms);
          inflight--;
          done++;
          if (done % 1000 === 0) opts.onProgress?.(done, total);
          if (dead && !restarting) {
            // Keep fuzzing on a fresh process; the crash is already on record.
            restarts++;
            restarting = (async () => {
              target.client.close();
              target = await start();
              dead = false;
              watchExit(target);
            })().finally(() => {
              restarting = undefined;
              launch();
            });
          }
          if (done === total) resolve();
          else launch();
        });
      }
    };
    launch();
  });

  let hungAlone = 0;
  for (const i of retry) {
    if (hungAlone >= 10) {
      log.add({ target: `v${protocol} run`, kind: 'hang', detail: `gave up re-sending ${retry.length - retried} more timed-out calls after ${hungAlone} hung alone too` });
      break;
    }
    retried++;
    const planned = plan(i);
    const t0 = performance.now();
    const { err, value } = await call(target, planned);
    if (err?.code === grpc.status.DEADLINE_EXCEEDED) hungAlone++;
    judge(i, planned, err, value, performance.now() - t0, true);
  }

  clearInterval(sampler);
  clearInterval(healthTimer);
  const end = rssMiB(target.p.child.pid);
  const providerCpu = cpuSeconds(target.p.child.pid);
  const clientCpu = process.cpuUsage(clientCpuStart);

  // Afterwards: still correct, then a clean exit.
  const after = await new Promise<{ err: grpc.ServiceError | null; value?: Buffer }>((resolve) => {
    const m = byName.get('PlanResourceChange')!;
    const envType = resourceByNameCached().get('coder_env')!.type;
    const config = obj({ agent_id: 'agent-1', name: 'FOO', value: 'bar', id: null });
    const msg = { typeName: 'coder_env', priorState: { msgpack: Buffer.from([0xc0]) }, proposedNewState: { msgpack: encodeMsgpack(config, envType) }, config: { msgpack: encodeMsgpack(config, envType) } };
    target.client.makeUnaryRequest(`/${service}/PlanResourceChange`, identity, identity, Buffer.from(m.request.encode(msg as never).finish()), { deadline: Date.now() + 5000 }, (err, value) => resolve({ err, value }));
  });
  if (after.err) {
    log.add({ target: `v${protocol} after`, kind: 'crash', detail: `a valid plan after the run failed: ${after.err.message}` });
  } else {
    const res = byName.get('PlanResourceChange')!.response.decode(after.value!) as Record<string, unknown>;
    const diags = (res.diagnostics as WireDiagnostic[] | undefined) ?? [];
    const planned = (res.plannedState as { msgpack?: Uint8Array } | undefined)?.msgpack;
    if (diags.length > 0 || !planned) log.add({ target: `v${protocol} after`, kind: 'bad-response', detail: `a valid coder_env plan after the run answered ${JSON.stringify(diags).slice(0, 300)}` });
  }

  finishing = true;
  const stderrBefore = target.p.stderr();
  await new Promise<void>((resolve) =>
    target.client.makeUnaryRequest('/plugin.GRPCController/Shutdown', identity, identity, Buffer.alloc(0), { deadline: Date.now() + 5000 }, () => resolve()),
  );
  const exit = await Promise.race([target.p.exited, new Promise<undefined>((r) => setTimeout(() => r(undefined), 3000))]);
  target.client.close();
  if (!exit) {
    log.add({ target: `v${protocol} shutdown`, kind: 'hang', detail: 'the provider did not exit within 3 s of GRPCController.Shutdown' });
    target.p.child.kill('SIGKILL');
  } else if (exit.code !== 0) {
    log.add({ target: `v${protocol} shutdown`, kind: 'crash', detail: `exit ${exit.code ?? exit.signal} after Shutdown; stderr tail: ${target.p.stderr().slice(-600)}` });
  }
  const stderr = target.p.stderr() || stderrBefore;
  if (/^panic: /m.test(stderr)) log.add({ target: `v${protocol} process`, kind: 'crash', detail: `"panic:" on stderr: ${stderr.slice(stderr.search(/^panic: /m), 600)}` });
  if (stderr.includes(SENTINEL)) log.add({ target: `v${protocol} process`, kind: 'leak', detail: 'a fuzz value appeared in the provider log' });

  const peak = rss.length ? Math.max(...rss) : undefined;
  const memory =
    warm !== undefined && peak !== undefined
      ? { warmMiB: warm, midMiB: mid ?? warm, endMiB: end ?? rss[rss.length - 1]!, peakMiB: peak }
      : undefined;
  // Unbounded growth shows as the second half adding about as much as the first did; allow for
  // V8's heap sizing and the odd huge input.
  if (memory && memory.endMiB > memory.midMiB * 1.5 + 150) {
    log.add({ target: `v${protocol} process`, kind: 'memory', detail: `RSS grew from ${memory.midMiB.toFixed(0)} MiB at half way to ${memory.endMiB.toFixed(0)} MiB at the end` });
  }
  latencies.sort((a, b) => a - b);
  return {
    protocol,
    stats,
    strategies,
    log,
    inputs: done,
    ms: performance.now() - started,
    memory,
    restarts,
    latency: { p50: percentile(latencies, 50), p99: percentile(latencies, 99), max: latencies[latencies.length - 1] ?? 0 },
    healthChecks,
    retriedAlone: retried,
    shutdownExitCode: exit ? exit.code : null,
    cpu: { provider: providerCpu, client: (clientCpu.user + clientCpu.system) / 1e6 },
  };
}

