/**
 * Decoder-level fuzzing of provider/values: the msgpack and JSON value decoders and the type JSON
 * parser, in-process, as fast as they go.
 *
 * Oracles, for every input:
 * - the decoder returns a value or throws its own ValueError; any other exception (TypeError,
 *   RangeError, stack overflow...) is a crash;
 * - no single input takes longer than `hangMs`;
 * - whatever decodes must survive encode → decode unchanged (value-equal, and the second encoding
 *   byte-identical to the first), and msgpack we accept must be well-formed msgpack to an
 *   independent decoder (@msgpack/msgpack);
 * - properties (fast-check, shrinking counterexamples): every valid value of a random type
 *   round-trips through msgpack and through JSON.
 *
 * Inputs are a pure function of (seed, target, index): a finding's index replays it.
 */
import { ExtensionCodec, decode as msgpackLibDecode } from '@msgpack/msgpack';
import fc from 'fast-check';
import {
  BigNumber,
  BoolType,
  DynamicType,
  DynamicWrapped,
  NumberType,
  StringType,
  UNKNOWN,
  Unknown,
  ValueError,
  decodeJson,
  decodeMsgpack,
  encodeJson,
  encodeMsgpack,
  listOf,
  mapOf,
  objectOf,
  parseTypeJson,
  setOf,
  tupleOf,
  typeToJson,
  valuesEqual,
  type CtyType,
  type Refinements,
  type Value,
} from '../../../provider/values';
import { DEFAULT_GEN, DOMAIN_STRINGS, deepType, randomType, randomValue, type GenOptions } from './gen';
import { mutate, mutateJsonText } from './mutate';
import { FindingLog, hexPreview, newStats, type TargetStats } from './report';
import { Rng, hashString, mixSeed } from './rng';
import { schemaTargets } from './schemas';

export interface DecoderFuzzOptions {
  readonly seed: number;
  /** Total decoder-level inputs (split across targets by weight). */
  readonly inputs: number;
  /** An input slower than this is a hang. */
  readonly hangMs?: number;
  /** Called now and then with the number of inputs done so far. */
  readonly onProgress?: (done: number, target: string) => void;
  /** Largest generated string (characters). */
  readonly maxString?: number;
  /**
   * Decoders under test (default: the real ones). Only the fuzzer's own tests replace them, with
   * deliberately broken ones, to prove that the oracles report what they should.
   */
  readonly decoders?: { readonly msgpack?: typeof decodeMsgpack; readonly json?: typeof decodeJson };
}

export interface DecoderFuzzResult {
  readonly stats: Map<string, TargetStats>;
  readonly log: FindingLog;
  readonly inputs: number;
  readonly ms: number;
}

/** Share of the budget per target. */
const WEIGHTS: ReadonlyArray<readonly [string, number]> = [
  ['msgpack/schema-mutated', 30],
  ['msgpack/schema-valid', 8],
  ['msgpack/wrong-type', 8],
  ['msgpack/random-bytes', 10],
  ['msgpack/deep-nesting', 2],
  ['msgpack/property', 8],
  ['json/schema-mutated', 12],
  ['json/schema-valid', 4],
  ['json/random', 6],
  ['json/property', 6],
  ['typejson/mutated', 6],
];

export function budget(total: number): Map<string, number> {
  const sum = WEIGHTS.reduce((a, [, w]) => a + w, 0);
  const out = new Map<string, number>();
  let given = 0;
  for (const [name, w] of WEIGHTS) {
    const n = Math.floor((total * w) / sum);
    out.set(name, n);
    given += n;
  }
  out.set(WEIGHTS[0]![0], out.get(WEIGHTS[0]![0])! + (total - given));
  return out;
}

type Outcome<T> = { ok: true; value: T; ms: number } | { ok: false; error: unknown; ms: number };

function timed<T>(fn: () => T): Outcome<T> {
  const t0 = performance.now();
  try {
    const value = fn();
    return { ok: true, value, ms: performance.now() - t0 };
  } catch (error) {
    return { ok: false, error, ms: performance.now() - t0 };
  }
}

function describeError(e: unknown): string {
  if (e instanceof Error) return `${e.name}: ${e.message.slice(0, 300)}${e.stack ? ` @ ${e.stack.split('\n')[1]?.trim() ?? ''}` : ''}`;
  return `non-Error thrown: ${String(e).slice(0, 200)}`;
}

/**
 * @msgpack/msgpack as an independent well-formedness check. Its timestamp extension (type -1) is
 * replaced by a pass-through (for us every extension is an unknown), and it refuses a map key
 * "__proto__" by design, which says nothing about well-formedness.
 */
const referenceCodec = new ExtensionCodec();
referenceCodec.register({ type: -1, encode: () => null, decode: (data: Uint8Array) => data });

function referenceMsgpackDecode(bytes: Uint8Array): void {
  try {
    msgpackLibDecode(bytes, { extensionCodec: referenceCodec, useBigInt64: true });
  } catch (e) {
    if (e instanceof Error && e.message.includes('__proto__')) return;
    throw e;
  }
}

const bytesEqual = (a: Uint8Array, b: Uint8Array): boolean => Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;

class Runner {
  readonly stats = new Map<string, TargetStats>();
  readonly log = new FindingLog();
  done = 0;
  private readonly hangMs: number;
  private lastProgress = 0;

  constructor(private readonly opts: DecoderFuzzOptions) {
    this.hangMs = opts.hangMs ?? 2000;
  }

  stat(target: string): TargetStats {
    let s = this.stats.get(target);
    if (!s) this.stats.set(target, (s = newStats()));
    return s;
  }

  tick(target: string): void {
    this.done++;
    if (this.opts.onProgress && this.done - this.lastProgress >= 2000) {
      this.lastProgress = this.done;
      this.opts.onProgress(this.done, target);
    }
  }

  private beats = 0;

  /** Progress without counting an input (property runs are counted when the property ends). */
  beat(target: string): void {
    if (this.opts.onProgress && ++this.beats % 2000 === 0) this.opts.onProgress(this.done, target);
  }

  /**
   * Runs one decode attempt: counts it, classifies the outcome, reports crashes and hangs.
   * Returns the decoded value when it succeeded.
   */
  attempt<T>(target: string, index: number, input: Uint8Array | string, fn: () => T): { ok: true; value: T } | { ok: false } {
    const s = this.stat(target);
    s.inputs++;
    this.tick(target);
    const r = timed(fn);
    if (r.ms > s.maxMs) s.maxMs = r.ms;
    const preview = (): string => (typeof input === 'string' ? JSON.stringify(input.slice(0, 120)) : hexPreview(input));
    if (r.ms > this.hangMs) {
      this.log.add({ target, kind: 'hang', index, detail: `took ${r.ms.toFixed(0)} ms (limit ${this.hangMs} ms)`, input: preview() });
    }
    if (r.ok) {
      s.accepted++;
      return { ok: true, value: r.value };
    }
    if (r.error instanceof ValueError) {
      s.rejected++;
      return { ok: false };
    }
    this.log.add({ target, kind: 'crash', index, detail: describeError(r.error), input: preview() });
    return { ok: false };
  }

  inconsistency(target: string, index: number, detail: string, input: Uint8Array | string): void {
    this.log.add({
      target,
      kind: 'inconsistency',
      index,
      detail,
      input: typeof input === 'string' ? JSON.stringify(input.slice(0, 120)) : hexPreview(input),
    });
  }

  /** Whatever decoded must re-encode, decode to an equal value, and re-encode to the same bytes. */
  checkMsgpackFixpoint(target: string, index: number, input: Uint8Array, v: Value, t: CtyType): void {
    try {
      referenceMsgpackDecode(input);
    } catch (e) {
      this.inconsistency(target, index, `accepted bytes that are not well-formed msgpack: ${(e as Error).message}`, input);
      return;
    }
    let e1: Uint8Array;
    try {
      e1 = encodeMsgpack(v, t);
    } catch (e) {
      this.inconsistency(target, index, `decoded value cannot be encoded again: ${describeError(e)}`, input);
      return;
    }
    let d1: Value;
    try {
      d1 = decodeMsgpack(e1, t);
    } catch (e) {
      this.inconsistency(target, index, `our own encoding does not decode: ${describeError(e)}`, input);
      return;
    }
    if (!valuesEqual(d1, v, t)) {
      this.inconsistency(target, index, 'value changed through encode → decode', input);
      return;
    }
    const e2 = encodeMsgpack(d1, t);
    if (!bytesEqual(e1, e2)) this.inconsistency(target, index, `encoding is not stable: ${hexPreview(e1, 48)} vs ${hexPreview(e2, 48)}`, input);
  }

  checkJsonFixpoint(target: string, index: number, input: string | Uint8Array, v: Value, t: CtyType): void {
    let e1: string;
    try {
      e1 = encodeJson(v, t);
    } catch (e) {
      // JSON cannot carry every decoded number (a huge exponent decodes to a BigNumber that
      // encodes fine, but ±Infinity cannot appear). Anything but a ValueError is a bug.
      if (!(e instanceof ValueError)) this.inconsistency(target, index, `decoded value cannot be encoded: ${describeError(e)}`, input);
      return;
    }
    let d1: Value;
    try {
      d1 = decodeJson(e1, t);
    } catch (e) {
      this.inconsistency(target, index, `our own JSON does not decode: ${describeError(e)}`, input);
      return;
    }
    if (!valuesEqual(d1, v, t)) {
      this.inconsistency(target, index, 'value changed through JSON encode → decode', input);
      return;
    }
    const e2 = encodeJson(d1, t);
    if (e1 !== e2) this.inconsistency(target, index, `JSON encoding is not stable: ${e1.slice(0, 80)} vs ${e2.slice(0, 80)}`, input);
  }
}

/** A generator option set per input: mostly small, sometimes huge strings. */
function genOptions(rng: Rng, maxString: number, json: boolean): GenOptions {
  return {
    ...DEFAULT_GEN,
    maxString: rng.chance(0.003) ? maxString : 512,
    unknownRate: json ? 0 : DEFAULT_GEN.unknownRate,
    infinities: !json,
  };
}

/** Bytes nested `depth` levels deep in one of several container shapes, with a random leaf. */
function deepBytes(rng: Rng, depth: number): Buffer {
  const shapes = [
    Buffer.from([0x91]), // array of 1
    Buffer.from([0x81, 0xa1, 0x61]), // map {"a": ...}
    Buffer.from([0x92, 0xa6, ...Buffer.from('"list"')]), // a "dynamic" pair with a primitive-looking type
    Buffer.from([0xdc, 0x00, 0x01]), // array 16 of 1
  ];
  const shape = rng.pick(shapes);
  const leaf = rng.pick([Buffer.from([0xc0]), Buffer.from([0x01]), Buffer.from([0xa1, 0x78]), Buffer.from([0xd4, 0x00, 0x00]), Buffer.alloc(0)]);
  return Buffer.concat([...Array.from({ length: depth }, () => shape), leaf]);
}

function deepTypeJson(rng: Rng, depth: number): string {
  let s = JSON.stringify(rng.pick(['string', 'number', 'bool', 'dynamic']));
  for (let i = 0; i < depth; i++) s = rng.chance(0.5) ? `["list",${s}]` : `["object",{"a":${s}}]`;
  return s;
}

// ---------------------------------------------------------------------------------------------
// fast-check arbitraries

const ATTR_NAMES = ['a', 'b', 'id', 'name', 'value', 'env', '__proto__', 'constructor', 'ü', ''];

const leafType = fc.constantFrom<CtyType>(StringType, NumberType, BoolType, DynamicType);

const typeArb: fc.Arbitrary<CtyType> = fc.letrec<{ type: CtyType }>((tie) => ({
  type: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leafType,
    tie('type').map(listOf),
    tie('type').map(setOf),
    tie('type').map(mapOf),
    fc.array(tie('type'), { maxLength: 3 }).map(tupleOf),
    fc
      .uniqueArray(fc.tuple(fc.constantFrom(...ATTR_NAMES), tie('type')), { maxLength: 4, selector: ([k]) => k })
      .chain((pairs) =>
        fc.subarray(pairs.map(([k]) => k)).map((optional) => objectOf(Object.fromEntries(pairs), optional)),
      ),
  ),
})).type;

const numberArb = (json: boolean): fc.Arbitrary<number | BigNumber> =>
  fc.oneof(
    fc.integer(),
    fc.double({ noNaN: true, noDefaultInfinity: json }),
    fc.bigInt({ min: -(2n ** 90n), max: 2n ** 90n }).map((b) => new BigNumber(b.toString())),
    fc
      .tuple(fc.bigInt({ min: 0n, max: 10n ** 40n }), fc.integer({ min: 1, max: 40 }), fc.boolean())
      .map(([digits, scale, neg]) => {
        const s = digits.toString().padStart(scale + 1, '0');
        return new BigNumber(`${neg ? '-' : ''}${s.slice(0, -scale)}.${s.slice(-scale)}`);
      }),
    fc.constantFrom<number>(0, -0, 9007199254740993, 2 ** 63, -(2 ** 63), 1e21, 5e-324),
  );

const stringArb = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(...DOMAIN_STRINGS),
  fc.string({ unit: 'grapheme', maxLength: 20 }),
);

function refinementsArb(t: CtyType): fc.Arbitrary<Refinements> {
  return fc.record(
    {
      nullable: fc.constant(false),
      stringPrefix: t.kind === 'string' ? fc.string({ unit: 'binary', maxLength: 300 }) : fc.constant(undefined),
      numberLower: t.kind === 'number' ? fc.tuple(fc.integer({ min: -1000, max: 0 }), fc.boolean()) : fc.constant(undefined),
      numberUpper: t.kind === 'number' ? fc.tuple(fc.integer({ min: 0, max: 1000 }), fc.boolean()) : fc.constant(undefined),
      lengthLower: ['list', 'set', 'map'].includes(t.kind) ? fc.integer({ min: 0, max: 5 }) : fc.constant(undefined),
      lengthUpper: ['list', 'set', 'map'].includes(t.kind) ? fc.integer({ min: 5, max: 100 }) : fc.constant(undefined),
    },
    { requiredKeys: [] },
  ) as fc.Arbitrary<Refinements>;
}

function valueArb(t: CtyType, json: boolean, depth = 0): fc.Arbitrary<Value> {
  const concrete = concreteArb(t, json, depth);
  const options: fc.WeightedArbitrary<Value>[] = [
    { weight: 8, arbitrary: concrete },
    { weight: 1, arbitrary: fc.constant(null) },
  ];
  if (!json) {
    options.push({ weight: 1, arbitrary: fc.oneof(fc.constant(UNKNOWN), refinementsArb(t).map((r) => new Unknown(r))) });
  }
  return fc.oneof(...options);
}

function concreteArb(t: CtyType, json: boolean, depth: number): fc.Arbitrary<Value> {
  const max = depth > 3 ? 2 : 5;
  switch (t.kind) {
    case 'string':
      return stringArb;
    case 'number':
      return numberArb(json);
    case 'bool':
      return fc.boolean();
    case 'list':
    case 'set':
      return fc.array(valueArb(t.element, json, depth + 1), { maxLength: max });
    case 'tuple':
      return fc.tuple(...t.elements.map((e) => valueArb(e, json, depth + 1)));
    case 'map':
      return fc
        .uniqueArray(fc.tuple(stringArb, valueArb(t.element, json, depth + 1)), { maxLength: max, selector: ([k]) => k })
        .map((pairs) => {
          const o: Record<string, Value> = Object.create(null);
          for (const [k, v] of pairs) o[k] = v;
          return o;
        });
    case 'object': {
      const names = Object.keys(t.attributes);
      return fc.tuple(...names.map((n) => valueArb(t.attributes[n]!, json, depth + 1))).map((vals) => {
        const o: Record<string, Value> = Object.create(null);
        names.forEach((n, i) => (o[n] = vals[i]!));
        return o;
      });
    }
    case 'dynamic':
      if (depth > 4) return fc.constant(null);
      return typeArb
        .filter((it) => it.kind !== 'dynamic')
        .chain((inner) => valueArb(inner, json, depth + 1).map((v) => new DynamicWrapped(inner, v) as Value));
  }
}

const typedValueArb = (json: boolean): fc.Arbitrary<[CtyType, Value]> =>
  typeArb.chain((t) => valueArb(t, json).map((v) => [t, v] as [CtyType, Value]));

// ---------------------------------------------------------------------------------------------

/** Runs every decoder target with its share of `opts.inputs`. Synchronous. */
export function runDecoderFuzz(opts: DecoderFuzzOptions): DecoderFuzzResult {
  const started = performance.now();
  const run = new Runner(opts);
  const shares = budget(opts.inputs);
  const schemas = schemaTargets();
  const maxString = opts.maxString ?? 1 << 20;
  const msgpackDecoder = opts.decoders?.msgpack ?? decodeMsgpack;
  const jsonDecoder = opts.decoders?.json ?? decodeJson;

  /** One input of a target: (rng for this input, its index). */
  const targets: Record<string, (rng: Rng, i: number) => void> = {
    // A valid value of a schema type, encoded, then damaged.
    'msgpack/schema-mutated': (rng, i) => {
      const schema = rng.pick(schemas);
      const valid = encodeMsgpack(randomValue(rng, schema.type, genOptions(rng, maxString, false)), schema.type);
      const donor = rng.chance(0.2) ? encodeMsgpack(randomValue(rng, schema.type, genOptions(rng, 512, false)), schema.type) : valid;
      const input = mutate(rng, valid, donor);
      const r = run.attempt('msgpack/schema-mutated', i, input, () => msgpackDecoder(input, schema.type));
      if (r.ok) run.checkMsgpackFixpoint('msgpack/schema-mutated', i, input, r.value, schema.type);
    },
    'msgpack/schema-valid': (rng, i) => {
      const schema = rng.pick(schemas);
      const input = encodeMsgpack(randomValue(rng, schema.type, genOptions(rng, maxString, false)), schema.type);
      const r = run.attempt('msgpack/schema-valid', i, input, () => msgpackDecoder(input, schema.type));
      if (r.ok) run.checkMsgpackFixpoint('msgpack/schema-valid', i, input, r.value, schema.type);
      else run.inconsistency('msgpack/schema-valid', i, `a valid ${schema.name} value was rejected`, input);
    },
    // A value of one type decoded as another.
    'msgpack/wrong-type': (rng, i) => {
      const from = rng.chance(0.5) ? rng.pick(schemas).type : randomType(rng, 4);
      const to = rng.chance(0.7) ? rng.pick(schemas).type : randomType(rng, 4);
      const input = encodeMsgpack(randomValue(rng, from, genOptions(rng, 4096, false)), from);
      const r = run.attempt('msgpack/wrong-type', i, input, () => msgpackDecoder(input, to));
      if (r.ok) run.checkMsgpackFixpoint('msgpack/wrong-type', i, input, r.value, to);
    },
    'msgpack/random-bytes': (rng, i) => {
      const t = rng.chance(0.5) ? rng.pick(schemas).type : randomType(rng, 3);
      const len = rng.weighted([[6, rng.int(8)], [3, rng.range(8, 64)], [1, rng.range(65, 4096)]] as const);
      const input = rng.bytes(len);
      const r = run.attempt('msgpack/random-bytes', i, input, () => msgpackDecoder(input, t));
      if (r.ok) run.checkMsgpackFixpoint('msgpack/random-bytes', i, input, r.value, t);
    },
    'msgpack/deep-nesting': (rng, i) => {
      const depth = rng.weighted([[3, rng.range(100, 520)], [2, rng.range(500, 600)], [1, rng.range(600, 20000)]] as const);
      let input: Uint8Array;
      let t: CtyType;
      if (rng.chance(0.3)) {
        // A dynamic value whose type JSON is nested deep.
        const tj = Buffer.from(deepTypeJson(rng, depth));
        const header = tj.length <= 0xffff ? Buffer.from([0x92, 0xc5, tj.length >> 8, tj.length & 0xff]) : Buffer.from([0x92, 0xc6, 0, 0, 0, 0]);
        if (tj.length > 0xffff) header.writeUInt32BE(tj.length, 2);
        input = Buffer.concat([header, tj, Buffer.from([0xc0])]);
        t = DynamicType;
      } else {
        input = deepBytes(rng, depth);
        t = rng.chance(0.5) ? deepType(rng, Math.min(depth, 700)) : rng.chance(0.5) ? DynamicType : rng.pick(schemas).type;
      }
      const r = run.attempt('msgpack/deep-nesting', i, input, () => msgpackDecoder(input, t));
      if (r.ok) run.checkMsgpackFixpoint('msgpack/deep-nesting', i, input, r.value, t);
    },
    // Valid JSON of a schema type, damaged at the text or byte level.
    'json/schema-mutated': (rng, i) => {
      const schema = rng.pick(schemas);
      const text = encodeJson(randomValue(rng, schema.type, genOptions(rng, maxString, true)), schema.type);
      const ignore = rng.chance(0.5);
      // Bytes, as the protocol delivers JSON (a JS string with half a surrogate pair cannot arrive).
      const input = rng.chance(0.6) ? Buffer.from(mutateJsonText(rng, text)) : mutate(rng, Buffer.from(text));
      const r = run.attempt('json/schema-mutated', i, input, () => jsonDecoder(input, schema.type, { ignoreUndefinedAttributes: ignore }));
      if (r.ok) run.checkJsonFixpoint('json/schema-mutated', i, input, r.value, schema.type);
    },
    'json/schema-valid': (rng, i) => {
      const schema = rng.pick(schemas);
      const input = encodeJson(randomValue(rng, schema.type, genOptions(rng, maxString, true)), schema.type);
      const r = run.attempt('json/schema-valid', i, input, () => jsonDecoder(input, schema.type));
      if (r.ok) run.checkJsonFixpoint('json/schema-valid', i, input, r.value, schema.type);
      else run.inconsistency('json/schema-valid', i, `valid ${schema.name} JSON was rejected`, input);
    },
    'json/random': (rng, i) => {
      const alphabet = '{}[]":,0123456789-+.eEtruefalsn \\u"abc\n';
      const t = rng.chance(0.5) ? rng.pick(schemas).type : randomType(rng, 3);
      let input: string | Uint8Array;
      if (rng.chance(0.5)) {
        const len = rng.size(200);
        let text = '';
        for (let k = 0; k < len; k++) text += alphabet[rng.int(alphabet.length)];
        input = text;
      } else {
        input = rng.bytes(rng.size(256));
      }
      const r = run.attempt('json/random', i, input, () => jsonDecoder(input, t));
      if (r.ok) run.checkJsonFixpoint('json/random', i, input, r.value, t);
    },
    'typejson/mutated': (rng, i) => {
      const base = rng.chance(0.9) ? typeToJson(rng.chance(0.5) ? randomType(rng, 5) : rng.pick(schemas).type) : deepTypeJson(rng, rng.range(400, 3000));
      const input: string | Uint8Array = rng.chance(0.5) ? mutateJsonText(rng, base) : mutate(rng, Buffer.from(base));
      const r = run.attempt('typejson/mutated', i, input, () => parseTypeJson(input));
      if (r.ok) {
        // A parsed type prints back to JSON that parses to the same printout.
        const again = typeToJson(r.value);
        const reparsed = typeToJson(parseTypeJson(again));
        if (again !== reparsed) run.inconsistency('typejson/mutated', i, `type JSON not stable: ${again.slice(0, 80)}`, input);
      }
    },
  };

  for (const [target, one] of Object.entries(targets)) {
    const n = shares.get(target) ?? 0;
    const t0 = performance.now();
    const hash = hashString(target);
    for (let i = 0; i < n; i++) one(new Rng(mixSeed(opts.seed, hash, i)), i);
    run.stat(target).totalMs += performance.now() - t0;
  }

  // Properties with shrinking: valid values of random types round-trip.
  for (const [target, json] of [['msgpack/property', false], ['json/property', true]] as const) {
    const numRuns = shares.get(target) ?? 0;
    if (numRuns === 0) continue;
    const t0 = performance.now();
    const s = run.stat(target);
    const property = fc.property(typedValueArb(json), ([t, v]) => {
      run.beat(target);
      const p0 = performance.now();
      if (json) {
        const text = encodeJson(v, t);
        const back = jsonDecoder(text, t);
        if (!valuesEqual(back, v, t)) throw new Error(`JSON round trip changed the value: ${text.slice(0, 200)}`);
        if (encodeJson(back, t) !== text) throw new Error(`JSON round trip is not byte-stable: ${text.slice(0, 200)}`);
      } else {
        const bytes = encodeMsgpack(v, t);
        referenceMsgpackDecode(bytes);
        const back = msgpackDecoder(bytes, t);
        if (!valuesEqual(back, v, t)) throw new Error(`msgpack round trip changed the value: ${hexPreview(bytes, 64)}`);
        const again = encodeMsgpack(back, t);
        if (!bytesEqual(again, encodeMsgpack(decodeMsgpack(again, t), t))) throw new Error(`msgpack encoding is not stable: ${hexPreview(bytes, 64)}`);
      }
      const ms = performance.now() - p0;
      if (ms > s.maxMs) s.maxMs = ms;
    });
    const result = fc.check(property, { seed: mixSeed(opts.seed, hashString(target)) | 0, numRuns });
    // Every run before a failure passed; shrinking runs are not counted as inputs.
    const ran = result.failed ? result.numRuns : numRuns;
    for (let k = 0; k < ran; k++) run.tick(target);
    s.inputs += ran;
    s.accepted += result.failed ? ran - 1 : ran;
    s.totalMs += performance.now() - t0;
    if (result.failed) {
      s.rejected += 1;
      const [t, v] = (result.counterexample?.[0] ?? []) as [CtyType | undefined, Value | undefined];
      let shown = '';
      try {
        shown = t ? typeToJson(t) : '';
        if (t && v !== undefined) shown += ` = ${json ? encodeJson(v, t) : hexPreview(encodeMsgpack(v, t), 80)}`;
      } catch {
        // the counterexample may not even encode
      }
      run.log.add({
        target,
        kind: result.errorInstance instanceof ValueError ? 'inconsistency' : 'crash',
        index: ran - 1,
        detail: `property failed after ${result.numRuns} runs, ${result.numShrinks} shrinks (fast-check seed ${result.seed}, path "${result.counterexamplePath}"): ${describeError(result.errorInstance)}`,
        input: shown.slice(0, 400),
      });
    }
  }

  return { stats: run.stats, log: run.log, inputs: run.done, ms: performance.now() - started };
}
