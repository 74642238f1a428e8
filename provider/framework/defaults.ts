/**
 * Default application and SDK state shaping. Pure functions from (schema, value) to value.
 */
import { UNKNOWN, Unknown, obj, type ObjectValue, type Value } from '../values/value';
import type { CtyType } from '../values/types';
import type { BlockSpec, BodySpec } from './schema';
import { sortedEntries } from './schema';
import { hasUnknown } from './walk';
import { zeroValue } from '../values/ops';
import { Yielder, runSync, type Steps } from './yielder';

const asObject = (v: Value): ObjectValue => (v && typeof v === 'object' && !Array.isArray(v) && !(v instanceof Unknown) ? (v as ObjectValue) : obj());
const asList = (v: Value): Value[] => (Array.isArray(v) ? v : []);

/**
 * The planned value of a new object: configured values, else the schema default, else unknown for
 * computed members (they get a value at apply), else null. Blocks recurse per element; an omitted
 * Optional+Computed block is planned unknown because the provider fills it in.
 */
export function planNew(body: BodySpec, config: Value): ObjectValue {
  return runSync(planNewSteps(body, config, Yielder.never));
}

export function* planNewSteps(body: BodySpec, config: Value, y: Yielder): Steps<ObjectValue> {
  const c = asObject(config);
  const out = planAttributes(body, c, y);
  if (y.tick(0)) yield;
  for (const [name, b] of sortedEntries(body.blocks)) {
    const v = c[name] ?? null;
    if (v instanceof Unknown) out[name] = v;
    else if (asList(v).length === 0 && b.computed) out[name] = UNKNOWN;
    else {
      const elems = asList(v);
      const leaf = isLeaf(b);
      const planned: Value[] = [];
      for (let i = 0; i < elems.length; i++) {
        const e = elems[i]!;
        if (e instanceof Unknown) planned.push(e);
        else planned.push(leaf ? valuelessToNull(b, planAttributes(b, asObject(e), y)) : yield* planNewSteps(b, e, y));
        if (y.tick()) yield;
      }
      out[name] = planned;
    }
  }
  return valuelessToNull(body, out);
}

/** planNew's attributes of one object. */
function planAttributes(body: BodySpec, c: ObjectValue, y: Yielder): ObjectValue {
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
    // hasUnknown walked the list.
    if (Array.isArray(v)) y.count(v.length);
  }
  return out;
}

/**
 * A block without nested blocks: its elements are handled by plain functions, since only loops
 * over block elements pause (a generator per element cost ~10 % of these functions' time).
 */
export const isLeaf = (b: BodySpec): boolean => b.blocks === undefined || sortedEntries(b.blocks).length === 0;

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
  return runSync(withDefaultsSteps(body, config, Yielder.never));
}

export function* withDefaultsSteps(body: BodySpec, config: Value, y: Yielder): Steps<ObjectValue> {
  const c = asObject(config);
  const out = defaultAttributes(body, c);
  for (const [name, b] of sortedEntries(body.blocks)) {
    const v = c[name] ?? null;
    if (v instanceof Unknown) {
      out[name] = v;
      continue;
    }
    const elems = asList(v);
    const leaf = isLeaf(b);
    const filled: Value[] = [];
    for (let i = 0; i < elems.length; i++) {
      const e = elems[i]!;
      if (e instanceof Unknown) filled.push(e);
      else filled.push(leaf ? defaultAttributes(b, asObject(e)) : yield* withDefaultsSteps(b, e, y));
      if (y.tick()) yield;
    }
    out[name] = filled;
  }
  return out;
}

function defaultAttributes(body: BodySpec, c: ObjectValue): ObjectValue {
  const out = obj();
  for (const [name, a] of sortedEntries(body.attributes)) {
    const v = c[name] ?? null;
    out[name] = v === null && a.default !== undefined ? a.default : v;
  }
  return out;
}


/**
 * The shape the SDK writes to state after apply or read: leftover unknowns become null, members
 * inside nested blocks become their type's zero value when null (flatmap cannot hold a nested
 * null), empty maps become null, and absent blocks become empty collections.
 */
export function shapeState(body: BodySpec, value: Value, nested = false): ObjectValue {
  return runSync(shapeStateSteps(body, value, Yielder.never, nested));
}

export function* shapeStateSteps(body: BodySpec, value: Value, y: Yielder, nested = false): Steps<ObjectValue> {
  const v = asObject(value);
  const out = shapeAttributes(body, v, nested);
  for (const [name, b] of sortedEntries(body.blocks)) {
    const elems = asList(v[name] ?? null);
    const leaf = isLeaf(b);
    const shaped: Value[] = [];
    for (let i = 0; i < elems.length; i++) {
      shaped.push(leaf ? valuelessToNull(b, shapeAttributes(b, asObject(elems[i]!), true)) : yield* shapeStateSteps(b, elems[i]!, y, true));
      if (y.tick()) yield;
    }
    out[name] = shaped;
  }
  return nested ? valuelessToNull(body, out) : out;
}

function shapeAttributes(body: BodySpec, v: ObjectValue, nested: boolean): ObjectValue {
  const out = obj();
  for (const [name, a] of sortedEntries(body.attributes)) {
    let x = v[name] ?? null;
    if (x instanceof Unknown) x = null;
    if (x !== null && a.type.kind === 'map' && Object.keys(x as ObjectValue).length === 0) x = null;
    if (x === null && nested) x = a.type.kind === 'map' ? null : zeroValue(a.type);
    out[name] = x;
  }
  return out;
}

export type { BlockSpec };
