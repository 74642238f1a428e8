/**
 * Default application and SDK state shaping. Pure functions from (schema, value) to value.
 */
import { UNKNOWN, Unknown, obj, type ObjectValue, type Value } from '../values/value';
import type { CtyType } from '../values/types';
import type { BlockSpec, BodySpec } from './schema';
import { sortedEntries } from './schema';
import { hasUnknown } from './walk';
import { zeroValue } from '../values/ops';

const asObject = (v: Value): ObjectValue => (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Unknown) ? (v as ObjectValue) : obj());
const asList = (v: Value): Value[] => (Array.isArray(v) ? v : []);

/**
 * The planned value of a new object: configured values, else the schema default, else unknown for
 * computed members (they get a value at apply), else null. Blocks recurse per element; an omitted
 * Optional+Computed block is planned unknown because the provider fills it in.
 */
export function planNew(body: BodySpec, config: Value): ObjectValue {
  const c = asObject(config);
  const out = obj();
  for (const [name, a] of sortedEntries(body.attributes)) {
    const v = c[name] ?? null;
    // The SDK cannot plan part of a collection: one unknown element makes the whole map or list
    // unknown (verified against the Go provider with an env map holding a not-yet-known secret).
    if (v !== null && isCollection(a.type) && hasUnknown(v)) out[name] = UNKNOWN;
    // An empty map is no map to the SDK: planned null (verified against the Go provider, `env = {}`).
    else if (v !== null && a.type.kind === 'map' && Object.keys(v as ObjectValue).length === 0) out[name] = null;
    else if (v !== null) out[name] = v;
    else if (a.default !== undefined) out[name] = a.default;
    else out[name] = a.computed ? UNKNOWN : null;
  }
  for (const [name, b] of sortedEntries(body.blocks)) {
    const v = c[name] ?? null;
    if (v instanceof Unknown) out[name] = v;
    else if (asList(v).length === 0 && b.computed) out[name] = UNKNOWN;
    else out[name] = asList(v).map((e) => (e instanceof Unknown ? e : planNew(b, e)));
  }
  return valuelessToNull(body, out);
}

/**
 * A block element that has no value at all: its block declares no attributes and every nested
 * block is empty (`resources_monitoring {}`). The SDK has nothing to write for it, not even the
 * nested blocks' counts, so they are planned and stored as null (verified against the Go
 * provider), and it cannot read such an element back from state (see diff.ts and server.ts).
 */
export function isValueless(body: BodySpec, e: Value): boolean {
  if (e === null || typeof e !== 'object' || Array.isArray(e) || e instanceof Unknown) return false;
  if (Object.keys(body.attributes).length > 0) return false;
  const blocks = sortedEntries(body.blocks);
  return blocks.length > 0 && blocks.every(([name]) => asList((e as ObjectValue)[name] ?? null).length === 0);
}

function valuelessToNull(body: BodySpec, e: ObjectValue): ObjectValue {
  if (!isValueless(body, e)) return e;
  for (const [name] of sortedEntries(body.blocks)) e[name] = null;
  return e;
}

const isCollection = (t: CtyType): boolean => t.kind === 'map' || t.kind === 'list' || t.kind === 'set' || t.kind === 'tuple';

/** Config with schema defaults filled in at every depth (the SDK config reader's view). */
export function withDefaults(body: BodySpec, config: Value): ObjectValue {
  const c = asObject(config);
  const out = obj();
  for (const [name, a] of sortedEntries(body.attributes)) {
    const v = c[name] ?? null;
    out[name] = v === null && a.default !== undefined ? a.default : v;
  }
  for (const [name, b] of sortedEntries(body.blocks)) {
    const v = c[name] ?? null;
    out[name] = v instanceof Unknown ? v : asList(v).map((e) => (e instanceof Unknown ? e : withDefaults(b, e)));
  }
  return out;
}


/**
 * The shape the SDK writes to state after apply or read: leftover unknowns become null, members
 * inside nested blocks become their type's zero value when null (flatmap cannot hold a nested
 * null), empty maps become null, and absent blocks become empty collections.
 */
export function shapeState(body: BodySpec, value: Value, nested = false): ObjectValue {
  const v = asObject(value);
  const out = obj();
  for (const [name, a] of sortedEntries(body.attributes)) {
    let x = v[name] ?? null;
    if (x instanceof Unknown) x = null;
    if (x !== null && a.type.kind === 'map' && Object.keys(x as ObjectValue).length === 0) x = null;
    if (x === null && nested) x = a.type.kind === 'map' ? null : zeroValue(a.type);
    out[name] = x;
  }
  for (const [name, b] of sortedEntries(body.blocks)) {
    out[name] = asList(v[name] ?? null).map((e) => shapeState(b, e, true));
  }
  return nested ? valuelessToNull(body, out) : out;
}

export type { BlockSpec };
