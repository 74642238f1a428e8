/**
 * Legacy "flatmap" state (RawState.flatmap, written by Terraform < 0.12; sec. 3.8): a flat
 * map<string,string> such as
 *
 *   id = "x"          tags.% = "1"      tags.env = "prod"
 *   list.# = "2"      list.0 = "a"      list.1 = "b"
 *   block.# = "1"     block.0.name = "n"
 *   set.# = "1"       set.1234.name = "s"   (set elements keyed by a hash)
 *
 * decoded against the current type the way Terraform's legacy shim (hcl2shim) does it: a
 * missing key is null, a present count key makes an (empty or filled) collection, strings are
 * converted to numbers and bools, and the legacy unknown sentinel becomes an unknown.
 *
 * Keys are kept sorted so each map/set finds its entries by binary search instead of scanning
 * the whole state once per collection.
 */
import { ValueError } from './errors';
import { stringToBool } from './json';
import { numberFromText } from './number';
import { setDedupe } from './ops';
import { typeName, type CtyType } from './types';
import { newObjectRecord, sortedAttributeNames } from './util';
import { UNKNOWN, type ObjectValue, type Value } from './value';

/** The value Terraform 0.11 stored for "computed, not yet known". */
export const LEGACY_UNKNOWN = '74D93920-ED26-11E3-AC10-0800200C9A66';

class Flatmap {
  readonly values: Map<string, string>;
  readonly keys: string[];

  constructor(source: Readonly<Record<string, string>> | ReadonlyMap<string, string>) {
    this.values = source instanceof Map ? new Map(source) : new Map(Object.entries(source));
    for (const [k, v] of this.values) {
      if (typeof v !== 'string') throw new ValueError(`flatmap: value of ${JSON.stringify(k)} is not a string`);
    }
    this.keys = [...this.values.keys()].sort();
  }

  /** All keys starting with `prefix`, in sorted order. */
  withPrefix(prefix: string): string[] {
    let lo = 0;
    let hi = this.keys.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.keys[mid] < prefix) lo = mid + 1;
      else hi = mid;
    }
    const out: string[] = [];
    for (let i = lo; i < this.keys.length && this.keys[i].startsWith(prefix); i++) out.push(this.keys[i]);
    return out;
  }
}

/**
 * Decodes a flatmap into a value of the given object type. Throws ValueError naming the
 * offending flatmap key for malformed counts and unconvertible primitives.
 */
export function decodeFlatmap(
  flatmap: Readonly<Record<string, string>> | ReadonlyMap<string, string>,
  type: CtyType,
): Value {
  if (type.kind !== 'object') throw new ValueError(`flatmap: the top-level type must be an object, got ${typeName(type)}`);
  const m = new Flatmap(flatmap);
  return decodeObject(m, '', type);
}

function decodeValue(m: Flatmap, key: string, t: CtyType): Value {
  switch (t.kind) {
    case 'string':
    case 'number':
    case 'bool':
      return decodePrimitive(m, key, t);
    case 'object':
      return decodeObject(m, `${key}.`, t);
    case 'list':
    case 'tuple':
      return decodeSequence(m, key, t);
    case 'set':
      return decodeSet(m, key, t.element);
    case 'map':
      return decodeMap(m, key, t.element);
    default:
      throw new ValueError(`flatmap: cannot decode ${typeName(t)} from flatmap (at ${JSON.stringify(key)})`);
  }
}

function decodePrimitive(m: Flatmap, key: string, t: CtyType): Value {
  const raw = m.values.get(key);
  if (raw === undefined) return null;
  if (raw === LEGACY_UNKNOWN) return UNKNOWN;
  if (t.kind === 'string') return raw;
  if (t.kind === 'bool') {
    const b = stringToBool(raw);
    if (b === undefined) throw new ValueError(`flatmap: invalid value for ${JSON.stringify(key)} in state: a bool is required`);
    return b;
  }
  let n: Value | undefined;
  try {
    n = numberFromText(raw);
  } catch {
    n = undefined;
  }
  if (n === undefined) throw new ValueError(`flatmap: invalid value for ${JSON.stringify(key)} in state: a number is required`);
  return n;
}

function decodeObject(m: Flatmap, prefix: string, t: Extract<CtyType, { kind: 'object' }>): ObjectValue {
  const out = newObjectRecord();
  for (const name of sortedAttributeNames(t)) out[name] = decodeValue(m, prefix + name, t.attributes[name]);
  return out;
}

/** The collection's own marker: absent count = null, sentinel on the name or count = unknown. */
function collectionState(m: Flatmap, key: string, countKey: string): 'null' | 'unknown' | string {
  if (m.values.get(key) === LEGACY_UNKNOWN) return 'unknown';
  const count = m.values.get(countKey);
  if (count === undefined) return 'null';
  if (count === LEGACY_UNKNOWN) return 'unknown';
  return count;
}

function decodeSequence(m: Flatmap, key: string, t: Extract<CtyType, { kind: 'list' | 'tuple' }>): Value {
  const countKey = `${key}.#`;
  const state = collectionState(m, key, countKey);
  if (state === 'null') return null;
  if (state === 'unknown') return UNKNOWN;
  if (!/^[+-]?\d+$/.test(state)) throw new ValueError(`flatmap: invalid count value for ${JSON.stringify(countKey)} in state: ${JSON.stringify(state)}`);
  const count = Number(state);
  // A count larger than the whole state cannot be genuine; refuse it rather than build it.
  if (count < 0 || count > m.keys.length) {
    throw new ValueError(`flatmap: invalid count value for ${JSON.stringify(countKey)} in state: ${count}`);
  }
  if (t.kind === 'tuple' && count !== t.elements.length) {
    throw new ValueError(`flatmap: wrong number of values for tuple ${JSON.stringify(key)}; expected ${t.elements.length}, got ${count}`);
  }
  const out: Value[] = [];
  for (let i = 0; i < count; i++) {
    out.push(decodeValue(m, `${key}.${i}`, t.kind === 'tuple' ? t.elements[i] : t.element));
  }
  return out;
}

/**
 * Element keys of a set or map: the first path segment after `prefix` (set elements are keyed
 * by a hash, nested attributes follow after another dot), in first-seen order.
 */
function elementKeys(m: Flatmap, prefix: string, countMarker: string): string[] {
  const seen = new Set<string>();
  for (const full of m.withPrefix(prefix)) {
    const rest = full.slice(prefix.length);
    if (rest === countMarker) continue;
    const dot = rest.indexOf('.');
    seen.add(dot === -1 ? rest : rest.slice(0, dot));
  }
  return [...seen];
}

function decodeSet(m: Flatmap, key: string, elem: CtyType): Value {
  const state = collectionState(m, key, `${key}.#`);
  if (state === 'null') return null;
  if (state === 'unknown') return UNKNOWN;
  const prefix = `${key}.`;
  const elems = elementKeys(m, prefix, '#').map((k) => decodeValue(m, prefix + k, elem));
  return setDedupe(elems, elem);
}

function decodeMap(m: Flatmap, key: string, elem: CtyType): Value {
  const state = collectionState(m, key, `${key}.%`);
  if (state === 'null') return null;
  if (state === 'unknown') return UNKNOWN;
  const prefix = `${key}.`;
  const out: ObjectValue = Object.create(null);
  const primitive = elem.kind === 'string' || elem.kind === 'number' || elem.kind === 'bool';
  if (primitive) {
    // By flatmap convention a map of primitives takes the whole remainder as its key, dots and all.
    for (const full of m.withPrefix(prefix)) {
      const k = full.slice(prefix.length);
      if (k === '%') continue;
      out[k] = decodePrimitive(m, full, elem);
    }
    return out;
  }
  for (const k of elementKeys(m, prefix, '%')) out[k] = decodeValue(m, prefix + k, elem);
  return out;
}
