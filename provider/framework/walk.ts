/**
 * Small structural helpers over Values that the framework needs in several places. They work on
 * the value shape alone (no type needed), which is all these questions require.
 */
import { BigNumber, DynamicWrapped, Unknown, isObjectValue, type Value } from '../values/value';

/** True if the value is unknown or contains an unknown anywhere. */
export function hasUnknown(v: Value): boolean {
  if (v instanceof Unknown) return true;
  if (v === null || typeof v !== 'object' || v instanceof BigNumber) return false;
  if (v instanceof DynamicWrapped) return hasUnknown(v.value);
  if (Array.isArray(v)) return v.some(hasUnknown);
  for (const k in v) if (hasUnknown(v[k] as Value)) return true;
  return false;
}

/**
 * SDK "presence" of a config value (terraform.ResourceConfig.Get): null is absent, and a block
 * collection with no elements is absent too (the SDK's config shim drops empty block lists).
 */
export function isPresent(v: Value, isBlock: boolean): boolean {
  if (v === null) return false;
  if (isBlock && Array.isArray(v)) return v.length > 0;
  return true;
}

/**
 * Looks up a flattened SDK key such as `validation.0.min` in an object value. Numeric parts index
 * lists and sets positionally (as the SDK's config reader does). Returns undefined when any step
 * is missing; returns the Unknown itself when a step is unknown.
 */
export function lookupFlatKey(root: Value, key: string): Value | undefined {
  let cur: Value | undefined = root;
  for (const part of key.split('.')) {
    if (cur === undefined || cur === null) return undefined;
    if (cur instanceof Unknown) return cur;
    if (Array.isArray(cur)) {
      if (!/^\d+$/.test(part)) return undefined;
      cur = cur[Number(part)];
    } else if (isObjectValue(cur)) {
      cur = Object.prototype.hasOwnProperty.call(cur, part) ? cur[part] : undefined;
    } else {
      return undefined;
    }
  }
  return cur;
}

/** Numeric value of a number Value as a JS number (BigNumber converted, possibly rounded). */
export function toJsNumber(v: number | BigNumber): number {
  return typeof v === 'number' ? v : Number(v.text);
}

/** Whether a number Value is a whole number that fits Go's int (int64). */
export function isGoInt(v: number | BigNumber): boolean {
  if (typeof v === 'number') return Number.isInteger(v) && v >= -9223372036854775808 && v < 9223372036854775808;
  if (!/^-?\d+$/.test(v.text)) return false;
  const b = BigInt(v.text);
  return b >= -(2n ** 63n) && b < 2n ** 63n;
}
