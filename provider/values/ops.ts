/**
 * Generic operations on values that the framework needs: equality, knownness, set
 * de-duplication, conformance checking and zero values. All are type-directed (the same JS shape
 * means different things as a list or a set, a map or an object).
 */
import type { PathStep } from '../protocol/interface';
import { numberKey, numbersEqual, parseDecimal } from './number';
import { formatPath } from './path';
import { typeToJson } from './typejson';
import { typeName, typesEqual, type CtyType } from './types';
import { compareCodePoints, describeValue, hasOwn, newObjectRecord, sortedAttributeNames } from './util';
import { BigNumber, DynamicWrapped, isObjectValue, Unknown, type ObjectValue, type Value } from './value';

/** Sets up to this size are compared pairwise; larger ones by canonical keys (linear-ish). */
const PAIRWISE_SET_LIMIT = 8;

/** A dynamic slot's content as (value, type), unwrapping nested wrappers; null stays null. */
function unwrap(v: Value): { v: Value; t: CtyType | undefined } {
  let cur = v;
  let t: CtyType | undefined;
  while (cur instanceof DynamicWrapped) {
    t = cur.type;
    cur = cur.value;
  }
  return { v: cur, t };
}

/** An absent object attribute (undefined) is null. */
const attr = (o: ObjectValue, k: string): Value => (hasOwn(o, k) ? (o[k] ?? null) : null);

/**
 * Structural equality of two values of `type`, in the sense Terraform compares planned and
 * actual values (cty RawEquals minus refinements):
 * - numbers compare by numeric value (5, 5.0 and BigNumber("5") are equal);
 * - sets compare as multisets, ignoring order;
 * - an unknown equals another unknown (refinements ignored) and nothing known;
 * - null equals only null (in a dynamic slot, a wrapped null equals a bare null);
 * - an object attribute missing from the record counts as null.
 */
export function valuesEqual(a: Value, b: Value, type: CtyType): boolean {
  if (a === b) return true;
  if (type.kind === 'dynamic') return dynamicEqual(a, b);
  const au = a instanceof Unknown;
  const bu = b instanceof Unknown;
  if (au || bu) return au && bu;
  if (a === null || b === null) return false;
  switch (type.kind) {
    case 'string':
    case 'bool':
      return false; // a !== b already
    case 'number':
      return isNumber(a) && isNumber(b) && numbersEqual(a, b);
    case 'list':
    case 'tuple': {
      if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
      for (let i = 0; i < a.length; i++) {
        const et = type.kind === 'tuple' ? type.elements[i] : type.element;
        if (et === undefined || !valuesEqual(a[i], b[i], et)) return false;
      }
      return true;
    }
    case 'set':
      return Array.isArray(a) && Array.isArray(b) && setsEqual(a, b, type.element);
    case 'map': {
      if (!isObjectValue(a) || !isObjectValue(b)) return false;
      const ak = Object.keys(a);
      if (ak.length !== Object.keys(b).length) return false;
      for (const k of ak) if (!hasOwn(b, k) || !valuesEqual(a[k], b[k], type.element)) return false;
      return true;
    }
    case 'object': {
      if (!isObjectValue(a) || !isObjectValue(b)) return false;
      for (const name of sortedAttributeNames(type)) {
        if (!valuesEqual(attr(a, name), attr(b, name), type.attributes[name])) return false;
      }
      return true;
    }
    default:
      return false;
  }
}

function dynamicEqual(a: Value, b: Value): boolean {
  const x = unwrap(a);
  const y = unwrap(b);
  const xu = x.v instanceof Unknown;
  const yu = y.v instanceof Unknown;
  if (xu || yu) return xu && yu;
  if (x.v === null || y.v === null) return x.v === y.v;
  if (x.t === undefined || y.t === undefined) return false; // unwrapped concrete value: malformed
  return typesEqual(x.t, y.t) && valuesEqual(x.v, y.v, x.t);
}

const isNumber = (v: Value): v is number | BigNumber => typeof v === 'number' || v instanceof BigNumber;

function setsEqual(a: Value[], b: Value[], elem: CtyType): boolean {
  if (a.length !== b.length) return false;
  if (a.length <= PAIRWISE_SET_LIMIT) {
    // Equality is an equivalence relation, so greedy matching finds a pairing if one exists.
    const used = new Array<boolean>(b.length).fill(false);
    outer: for (const x of a) {
      for (let j = 0; j < b.length; j++) {
        if (!used[j] && valuesEqual(x, b[j], elem)) {
          used[j] = true;
          continue outer;
        }
      }
      return false;
    }
    return true;
  }
  const counts = new Map<string, number>();
  for (const x of a) {
    const k = valueKey(x, elem);
    counts.set(k, (counts.get(k) ?? 0) + 1);
  }
  for (const y of b) {
    const k = valueKey(y, elem);
    const c = counts.get(k);
    if (!c) return false;
    counts.set(k, c - 1);
  }
  return true;
}

/**
 * A canonical string for a value of `type`: two values have the same key exactly when
 * valuesEqual says they are equal. Used to hash set elements.
 */
export function valueKey(v: Value, type: CtyType): string {
  if (v === undefined || v === null) return 'n';
  if (v instanceof Unknown) return '?';
  switch (type.kind) {
    case 'string':
      return typeof v === 'string' ? JSON.stringify(v) : `!${describeValue(v)}`;
    case 'number':
      return isNumber(v) ? `#${numberKey(v)}` : `!${describeValue(v)}`;
    case 'bool':
      return v === true ? 't' : v === false ? 'f' : `!${describeValue(v)}`;
    case 'list':
    case 'tuple':
      if (!Array.isArray(v)) return `!${describeValue(v)}`;
      return `[${v.map((e, i) => valueKey(e, type.kind === 'tuple' ? (type.elements[i] ?? type) : type.element)).join(',')}]`;
    case 'set':
      if (!Array.isArray(v)) return `!${describeValue(v)}`;
      return `{${v.map((e) => valueKey(e, type.element)).sort().join(',')}}`;
    case 'map':
      if (!isObjectValue(v)) return `!${describeValue(v)}`;
      return `<${Object.keys(v).sort(compareCodePoints).map((k) => `${JSON.stringify(k)}:${valueKey(v[k], type.element)}`).join(',')}>`;
    case 'object':
      if (!isObjectValue(v)) return `!${describeValue(v)}`;
      return `(${sortedAttributeNames(type).map((n) => valueKey(attr(v, n), type.attributes[n])).join(',')})`;
    case 'dynamic': {
      const u = unwrap(v);
      if (u.v === null) return 'n';
      if (u.v instanceof Unknown) return '?';
      if (u.t === undefined) return `!${describeValue(v)}`;
      return `D${typeToJson(u.t)}=${valueKey(u.v, u.t)}`;
    }
    default:
      return '!';
  }
}

/** True if no unknown occurs anywhere in the value (type accepted for symmetry; not needed). */
export function isWhollyKnown(v: Value, type?: CtyType): boolean {
  return !containsUnknown(v, type);
}

/** True if the value is unknown or contains an unknown at any depth. */
export function containsUnknown(v: Value, _type?: CtyType): boolean {
  if (v instanceof Unknown) return true;
  if (v === null || typeof v !== 'object' || v instanceof BigNumber) return false;
  if (v instanceof DynamicWrapped) return containsUnknown(v.value);
  if (Array.isArray(v)) {
    for (const e of v) if (containsUnknown(e)) return true;
    return false;
  }
  for (const k in v) if (containsUnknown(v[k])) return true;
  return false;
}

/**
 * Collapses equal elements as a cty set does, keeping the first occurrence and the original
 * order. Elements containing unknowns are all kept: cty never treats them as equal to anything
 * for set membership (they might turn out to differ).
 */
export function setDedupe(elements: readonly Value[], elemType: CtyType): Value[] {
  const out: Value[] = [];
  const seen = new Set<string>();
  for (const e of elements) {
    if (containsUnknown(e)) {
      out.push(e);
      continue;
    }
    const k = valueKey(e, elemType);
    if (seen.has(k)) continue;
    seen.add(k);
    out.push(e);
  }
  return out;
}

/**
 * Checks that a value is well-formed for `type`; returns undefined if it is, else a message
 * starting with the path of the first problem (`tags["a"]: string is required, got a number`).
 * Objects must carry every attribute (null for absent ones) and nothing else; concrete values in
 * dynamic slots must be DynamicWrapped; numbers must not be NaN.
 */
export function conforms(value: Value, type: CtyType): string | undefined {
  const path: PathStep[] = [];
  const msg = check(value, type, path, 0);
  if (msg === undefined) return undefined;
  return path.length === 0 ? msg : `${formatPath(path)}: ${msg}`;
}

const MAX_CHECK_DEPTH = 512;

function check(v: Value | undefined, t: CtyType, path: PathStep[], depth: number): string | undefined {
  if (v === undefined) return 'value is undefined (use null for a null value)';
  if (v === null || v instanceof Unknown) return undefined;
  if (depth > MAX_CHECK_DEPTH) return `value is nested more than ${MAX_CHECK_DEPTH} levels`;
  const mismatch = `${typeName(t)} is required, got ${describeValue(v)}`;
  const children = (entries: Iterable<[PathStep, Value | undefined, CtyType]>): string | undefined => {
    for (const [step, cv, ct] of entries) {
      path.push(step);
      const m = check(cv, ct, path, depth + 1);
      if (m !== undefined) return m;
      path.pop();
    }
    return undefined;
  };
  switch (t.kind) {
    case 'string':
      return typeof v === 'string' ? undefined : mismatch;
    case 'bool':
      return typeof v === 'boolean' ? undefined : mismatch;
    case 'number':
      if (typeof v === 'number') return Number.isNaN(v) ? 'NaN is not a valid number' : undefined;
      if (v instanceof BigNumber) {
        return parseDecimal(v.text) === undefined ? `BigNumber text ${JSON.stringify(v.text.slice(0, 64))} is not a decimal number` : undefined;
      }
      return mismatch;
    case 'list':
    case 'set':
      if (!Array.isArray(v)) return mismatch;
      return children(v.map((e, i): [PathStep, Value, CtyType] => [{ index: i }, e, t.element]));
    case 'tuple':
      if (!Array.isArray(v)) return mismatch;
      if (v.length !== t.elements.length) return `a tuple of ${t.elements.length} elements is required, got ${v.length}`;
      return children(v.map((e, i): [PathStep, Value, CtyType] => [{ index: i }, e, t.elements[i]]));
    case 'map':
      if (!isObjectValue(v)) return mismatch;
      return children(Object.keys(v).map((k): [PathStep, Value, CtyType] => [{ key: k }, v[k], t.element]));
    case 'object': {
      if (!isObjectValue(v)) return mismatch;
      for (const k of Object.keys(v)) {
        if (!hasOwn(t.attributes, k)) {
          path.push({ attribute: k });
          return 'unsupported attribute';
        }
      }
      for (const name of sortedAttributeNames(t)) {
        if (!hasOwn(v, name)) {
          path.push({ attribute: name });
          return 'attribute is missing (use null for an absent value)';
        }
      }
      return children(sortedAttributeNames(t).map((n): [PathStep, Value, CtyType] => [{ attribute: n }, v[n], t.attributes[n]]));
    }
    case 'dynamic':
      if (!(v instanceof DynamicWrapped)) return `a value in a dynamic slot must be a DynamicWrapped, got ${describeValue(v)}`;
      return check(v.value, v.type, path, depth + 1);
    default:
      return `unsupported type kind ${JSON.stringify((t as { kind: unknown }).kind)}`;
  }
}

/**
 * The zero value of a type: "" / 0 / false, empty list/set/map, a tuple or object of zero
 * values. `dynamic` has no zero value of a known type, so it yields null.
 */
export function zeroValue(type: CtyType): Value {
  switch (type.kind) {
    case 'string':
      return '';
    case 'number':
      return 0;
    case 'bool':
      return false;
    case 'list':
    case 'set':
      return [];
    case 'map':
      return Object.create(null) as ObjectValue;
    case 'tuple':
      return type.elements.map(zeroValue);
    case 'object': {
      const out = newObjectRecord();
      for (const name of sortedAttributeNames(type)) out[name] = zeroValue(type.attributes[name]);
      return out;
    }
    default:
      return null;
  }
}
