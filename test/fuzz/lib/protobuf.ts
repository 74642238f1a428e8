/**
 * Raw protobuf wire-format garbage: messages made of random fields (real field numbers and wild
 * ones, every wire type including the deprecated groups and the invalid 6 and 7), lying length
 * prefixes, over-long varints, nested garbage. Decoders must reject or skip all of it.
 */
import type { Rng } from './rng';

function varint(n: number): number[] {
  const out: number[] = [];
  let v = Math.max(0, Math.floor(n));
  while (v >= 0x80) {
    out.push((v % 0x80) | 0x80);
    v = Math.floor(v / 0x80);
  }
  out.push(v);
  return out;
}

function randomVarint(rng: Rng): number[] {
  switch (rng.int(6)) {
    case 0:
      return [rng.int(0x80)];
    case 1:
      return varint(rng.u32());
    case 2:
      return [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]; // max uint64
    case 3:
      return [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]; // 11 bytes: over-long
    case 4:
      return [0x80, 0x80, 0x80]; // unterminated
    default:
      return varint(rng.int(300));
  }
}

/** A random field: tag + payload. `depth` bounds nested garbage. */
function randomField(rng: Rng, depth: number, payloads: readonly Uint8Array[]): number[] {
  const field = rng.weighted([
    [8, rng.range(1, 12)],
    [1, rng.range(13, 20000)],
    [1, rng.chance(0.5) ? 0 : 536870911],
  ] as const);
  const wire = rng.weighted([
    [3, 0],
    [1, 1],
    [5, 2],
    [1, 5],
    [1, 3],
    [1, 4],
    [1, 6],
    [1, 7],
  ] as const);
  const out = varint(field * 8 + wire);
  switch (wire) {
    case 0:
      return [...out, ...randomVarint(rng)];
    case 1:
      return [...out, ...rng.bytes(rng.chance(0.9) ? 8 : rng.int(8))];
    case 5:
      return [...out, ...rng.bytes(rng.chance(0.9) ? 4 : rng.int(4))];
    case 2: {
      let body: number[];
      const kind = rng.int(4);
      if (kind === 0 && depth < 4) body = randomMessage(rng, depth + 1, payloads);
      else if (kind === 1 && payloads.length > 0) body = [...rng.pick(payloads)];
      else body = [...rng.bytes(rng.size(64))];
      // Sometimes the length prefix lies.
      const len = rng.chance(0.85) ? body.length : rng.chance(0.5) ? body.length + rng.range(1, 1000) : rng.u32();
      return [...out, ...varint(len), ...body];
    }
    case 3:
      // A group: nested fields, usually closed by its end tag.
      return depth < 4
        ? [...out, ...randomMessage(rng, depth + 1, payloads), ...(rng.chance(0.8) ? varint(field * 8 + 4) : [])]
        : out;
    default:
      return out;
  }
}

/** A message of random fields. `payloads` are byte strings worth embedding (e.g. msgpack). */
export function randomMessage(rng: Rng, depth = 0, payloads: readonly Uint8Array[] = []): number[] {
  const n = rng.size(10);
  const out: number[] = [];
  for (let i = 0; i < n; i++) out.push(...randomField(rng, depth, payloads));
  return out;
}

export function randomProtobuf(rng: Rng, payloads: readonly Uint8Array[] = []): Buffer {
  return Buffer.from(randomMessage(rng, 0, payloads));
}

/** Unknown fields appended to (or inserted before) a valid message: decoders must skip them. */
export function withUnknownFields(rng: Rng, message: Uint8Array): Buffer {
  const extra: number[] = [];
  const n = rng.range(1, 4);
  for (let i = 0; i < n; i++) {
    const field = rng.range(100, 5000);
    const wire = rng.pick([0, 1, 2, 5]);
    extra.push(...varint(field * 8 + wire));
    if (wire === 0) extra.push(...varint(rng.u32()));
    else if (wire === 1) extra.push(...rng.bytes(8));
    else if (wire === 5) extra.push(...rng.bytes(4));
    else {
      const body = rng.bytes(rng.size(32));
      extra.push(...varint(body.length), ...body);
    }
  }
  return rng.chance(0.5) ? Buffer.concat([Buffer.from(message), Buffer.from(extra)]) : Buffer.concat([Buffer.from(extra), Buffer.from(message)]);
}
