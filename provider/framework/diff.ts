/**
 * Change detection with the SDK's notion of equality (schemaMap.Diff), so that a template that
 * shows no changes with the Go provider shows none with ours, and the reverse:
 *  - primitives compare as strings with null reading as the type's zero value, so null, "", 0
 *    and false are no change from each other (verified against the Go provider: `order = 0`
 *    or `hide = false` over a null in state plans nothing);
 *  - a computed attribute left out of config keeps its state value (no change);
 *  - maps compare entry by entry with null equal to {};
 *  - list blocks compare by count and element by element; set blocks compare as sets of the
 *    element's user-settable members (the SDK's set hash ignores computed members);
 *  - any unknown in config is a change.
 * Config must already carry defaults (withDefaults).
 */
import { BigNumber, Unknown, isObjectValue, type ObjectValue, type Value } from '../values/value';
import type { CtyType } from '../values/types';
import type { AttributePath } from './diagnostics';
import type { AttributeSpec, BlockSpec, BodySpec } from './schema';
import { sortedEntries } from './schema';
import { hasUnknown } from './walk';
import { isLeaf, isValueless } from './defaults';
import { Yielder, runSync, type Steps } from './yielder';

/** Top-level attribute and block names whose value changed between prior state and config. */
export function changedMembers(body: BodySpec, prior: ObjectValue, config: ObjectValue): AttributePath[] {
  return runSync(changedMembersSteps(body, prior, config, Yielder.never));
}

export function* changedMembersSteps(body: BodySpec, prior: ObjectValue, config: ObjectValue, y: Yielder): Steps<AttributePath[]> {
  const out = changedAttributes(body, prior, config, y);
  if (y.tick(0)) yield;
  for (const [name, b] of sortedEntries(body.blocks)) {
    const o = prior[name] ?? null;
    const n = config[name] ?? null;
    // No elements on either side is no change (blockChanged), without making steps for it.
    if (isEmptyList(o) && isEmptyList(n)) continue;
    if (yield* blockChangedSteps(b, o, n, y)) out.push([{ attribute: name }]);
  }
  return out;
}

function changedAttributes(body: BodySpec, prior: ObjectValue, config: ObjectValue, y: Yielder): AttributePath[] {
  const out: AttributePath[] = [];
  for (const [name, a] of sortedEntries(body.attributes)) {
    const n = config[name] ?? null;
    if (attributeChanged(a, prior[name] ?? null, n)) out.push([{ attribute: name }]);
    // Lists are compared element by element (JSON).
    if (Array.isArray(n)) y.count(n.length);
  }
  return out;
}

const isEmptyList = (v: Value): boolean => v === null || (Array.isArray(v) && v.length === 0);

export function attributeChanged(a: AttributeSpec, o: Value, n: Value): boolean {
  if (hasUnknown(n)) return true;
  if (n === null && a.computed) return false;
  switch (a.type.kind) {
    case 'map':
      return mapChanged(o, n);
    case 'list':
    case 'set':
    case 'tuple':
      return collectionChanged(a.type, o, n);
    default:
      return primitiveString(o, a.type) !== primitiveString(n, a.type);
  }
}

/** The SDK's string form of a primitive, where null reads as the zero value. */
function primitiveString(v: Value, t: CtyType): string {
  if (v === null) return t.kind === 'bool' ? 'false' : t.kind === 'number' ? '0' : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  if (typeof v === 'number') return String(v);
  if (v instanceof BigNumber) return v.text;
  if (typeof v === 'string') return v;
  return JSON.stringify(v);
}

function mapChanged(o: Value, n: Value): boolean {
  const om = isObjectValue(o) ? o : {};
  const nm = isObjectValue(n) ? n : {};
  const ok = Object.keys(om);
  const nk = Object.keys(nm);
  if (ok.length !== nk.length) return true;
  return nk.some((k) => !Object.prototype.hasOwnProperty.call(om, k) || om[k] !== nm[k]);
}

function collectionChanged(t: CtyType, o: Value, n: Value): boolean {
  const ol = Array.isArray(o) ? o : [];
  const nl = Array.isArray(n) ? n : [];
  if (ol.length !== nl.length) return true;
  if (t.kind === 'set') {
    const keys = new Map<string, number>();
    for (const e of ol) keys.set(JSON.stringify(e), (keys.get(JSON.stringify(e)) ?? 0) + 1);
    return nl.some((e) => {
      const k = JSON.stringify(e);
      const c = keys.get(k) ?? 0;
      keys.set(k, c - 1);
      return c <= 0;
    });
  }
  return ol.some((e, i) => JSON.stringify(e) !== JSON.stringify(nl[i]));
}

export function blockChanged(b: BlockSpec, o: Value, n: Value): boolean {
  return runSync(blockChangedSteps(b, o, n, Yielder.never));
}

export function* blockChangedSteps(b: BlockSpec, o: Value, n: Value, y: Yielder): Steps<boolean> {
  if (n instanceof Unknown) return true;
  const ol = Array.isArray(o) ? (o as ObjectValue[]) : [];
  const nl = Array.isArray(n) ? (n as Value[]) : [];
  if (nl.some(hasUnknown)) return true;
  if (y.tick(nl.length)) yield;
  if (nl.length === 0 && b.computed) return false;
  if (b.nesting === 'set') {
    // An element stored without any value is read back by the SDK as no element at all, so it
    // never matches the config again: a change (the Go provider re-plans `resources_monitoring {}`).
    if (ol.some((e) => isValueless(b, e))) return true;
    const oldKeys = yield* elementKeys(b, ol, y);
    const newKeys = yield* elementKeys(b, nl, y);
    if (oldKeys.size !== newKeys.size) return true;
    for (const k of newKeys) if (!oldKeys.has(k)) return true;
    return false;
  }
  if (ol.length !== nl.length) return true;
  const leaf = isLeaf(b);
  for (let i = 0; i < nl.length; i++) {
    const o = ol[i] as ObjectValue;
    const n = nl[i] as ObjectValue;
    if ((leaf ? changedAttributes(b, o, n, y) : yield* changedMembersSteps(b, o, n, y)).length > 0) return true;
    if (y.tick()) yield;
  }
  return false;
}

/**
 * The identity of a set element as the SDK hashes it: user-settable members only, nulls read as
 * zero values, nested sets order-independent.
 */
export function elementKey(b: BodySpec, e: Value): string {
  const o = isObjectValue(e) ? e : {};
  const parts: string[] = [];
  for (const [name, a] of sortedEntries(b.attributes)) {
    if (!(a.required || a.optional)) continue;
    const v = o[name] ?? null;
    parts.push(`${name}:${a.type.kind === 'map' || a.type.kind === 'list' || a.type.kind === 'set' ? JSON.stringify(v ?? null) : primitiveString(v, a.type)}`);
  }
  for (const [name, nb] of sortedEntries(b.blocks)) {
    const elems = Array.isArray(o[name]) ? (o[name] as Value[]) : [];
    const keys = elems.map((x) => elementKey(nb, x));
    if (nb.nesting === 'set') keys.sort();
    parts.push(`${name}:[${keys.join(',')}]`);
  }
  return parts.join(';');
}

/** The set identities (elementKey) of a block's elements. */
function* elementKeys(b: BodySpec, elems: readonly Value[], y: Yielder): Steps<Set<string>> {
  const keys = new Set<string>();
  for (const e of elems) {
    keys.add(elementKey(b, e));
    if (y.tick()) yield;
  }
  return keys;
}

/** Removes set elements that are identical by the SDK's set identity (cty sets collapse them). */
export function dedupeSet(b: BodySpec, elems: readonly Value[]): Value[] {
  return runSync(dedupeSetSteps(b, elems, Yielder.never));
}

export function* dedupeSetSteps(b: BodySpec, elems: readonly Value[], y: Yielder): Steps<Value[]> {
  const seen = new Set<string>();
  const out: Value[] = [];
  for (const e of elems) {
    const k = elementKey(b, e);
    if (y.tick()) yield;
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(e);
  }
  return out;
}

/**
 * The replacement paths the SDK reports for the changed top-level members: one per changed
 * flatmap key, trimmed to its last attribute step, so a primitive, a map or a set block is
 * reported as itself, while a list block is addressed per element (verified against the Go
 * provider with coder_metadata items):
 *  - `[block]` when the element count changes;
 *  - `[block, i, attr]` for each configurable attribute of element i whose string form differs:
 *    where both elements exist, with the SDK equality of changedMembers (null reads as the zero
 *    value); a missing old element reads as "", and so does a null without default in an added
 *    element; a missing new element reads as the attribute's default, else its zero value;
 *  - nested set blocks as `[block, i, nested]`, nested list blocks recursively.
 * Config must carry defaults (withDefaults).
 */
export function replacePaths(body: BodySpec, prior: ObjectValue, config: ObjectValue, changed: ReadonlySet<string>): AttributePath[] {
  return runSync(replacePathsSteps(body, prior, config, changed, Yielder.never));
}

export function* replacePathsSteps(body: BodySpec, prior: ObjectValue, config: ObjectValue, changed: ReadonlySet<string>, y: Yielder): Steps<AttributePath[]> {
  const out: AttributePath[] = [];
  for (const [name] of sortedEntries(body.attributes)) if (changed.has(name)) out.push([{ attribute: name }]);
  for (const [name, b] of sortedEntries(body.blocks)) {
    if (!changed.has(name)) continue;
    if (b.nesting === 'list') yield* listPaths([{ attribute: name }], b, prior[name] ?? null, config[name] ?? null, out, y);
    else out.push([{ attribute: name }]);
  }
  return out;
}

function* listPaths(prefix: AttributePath, b: BlockSpec, o: Value, n: Value, out: AttributePath[], y: Yielder): Steps<void> {
  const ol = Array.isArray(o) ? (o as Value[]) : [];
  const nl = Array.isArray(n) ? (n as Value[]) : [];
  if (n instanceof Unknown || nl.some((e) => e instanceof Unknown)) {
    out.push(prefix);
    return;
  }
  if (ol.length !== nl.length) out.push(prefix);
  for (let i = 0; i < Math.max(ol.length, nl.length); i++) {
    const oe = i < ol.length && isObjectValue(ol[i]) ? (ol[i] as ObjectValue) : undefined;
    const ne = i < nl.length && isObjectValue(nl[i]) ? (nl[i] as ObjectValue) : undefined;
    const at = (attribute: string): AttributePath => [...prefix, { index: i }, { attribute }];
    for (const [name, a] of sortedEntries(b.attributes)) {
      if (!(a.required || a.optional)) continue;
      const newValue = ne?.[name] ?? null;
      if (hasUnknown(newValue)) {
        out.push(at(name));
        continue;
      }
      const nv = newValue ?? a.default ?? null;
      // Both elements there: SDK equality (null reads as the zero value). A missing side reads as "".
      const os = oe === undefined ? '' : primitiveString(oe[name] ?? null, a.type);
      const ns = oe === undefined && nv === null ? '' : primitiveString(nv, a.type);
      if (os !== ns) out.push(at(name));
    }
    for (const [name, nb] of sortedEntries(b.blocks)) {
      const ov = oe?.[name] ?? null;
      const nv = ne?.[name] ?? null;
      if (nb.nesting === 'list') yield* listPaths(at(name), nb, ov, nv, out, y);
      else if (yield* blockChangedSteps(nb, ov, nv, y)) out.push(at(name));
    }
    if (y.tick()) yield;
  }
}
