/**
 * The validators the Go provider uses (terraform-plugin-sdk helper/validation and Coder's own
 * helpers), with their exact message formats: users and CI match on these strings.
 * `key` is the SDK's flattened path (`resources_monitoring.0.memory.0.threshold`).
 */
import { BigNumber, type Value } from '../values/value';
import type { Validator } from '../framework/schema';
import { validationError, validationWarning } from '../framework/diagnostics';
import { goQuoteList } from '../framework/go/quote';
import { parseGoUrl } from '../framework/go/url';

const asString = (v: Value): string | undefined => (typeof v === 'string' ? v : undefined);
const asInt = (v: Value): bigint | undefined =>
  typeof v === 'number' && Number.isInteger(v) ? BigInt(v) : v instanceof BigNumber && /^-?\d+$/.test(v.text) ? BigInt(v.text) : undefined;

/** Go's byte length of a string (the SDK measures UTF-8 bytes, not characters). */
export const goLen = (s: string): number => Buffer.byteLength(s, 'utf8');

/** validation.StringInSlice(values, false) */
export const oneOf =
  (allowed: readonly string[]): Validator =>
  (v, key) => {
    const s = asString(v);
    if (s === undefined || allowed.includes(s)) return [];
    return [validationError(`expected ${key} to be one of ${goQuoteList(allowed)}, got ${s}`)];
  };

/** validation.IntBetween(min, max) */
export const intBetween =
  (min: number, max: number): Validator =>
  (v, key) => {
    const n = asInt(v);
    if (n === undefined || (n >= BigInt(min) && n <= BigInt(max))) return [];
    return [validationError(`expected ${key} to be in the range (${min} - ${max}), got ${n}`)];
  };

/** validation.IntAtLeast(min) */
export const intAtLeast =
  (min: number): Validator =>
  (v, key) => {
    const n = asInt(v);
    if (n === undefined || n >= BigInt(min)) return [];
    return [validationError(`expected ${key} to be at least (${min}), got ${n}`)];
  };

const UUID_RE = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** validation.IsUUID */
export const isUuid: Validator = (v, key) => {
  const s = asString(v);
  if (s === undefined || UUID_RE.test(s)) return [];
  return [validationError(`expected "${key}" to be a valid UUID, got ${s}`)];
};

/** validation.StringIsNotEmpty */
export const notEmpty: Validator = (v, key) => {
  const s = asString(v);
  if (s === undefined || s !== '') return [];
  return [validationError(`expected "${key}" to not be an empty string, got ${s}`)];
};

/** validation.StringMatch(re, message) */
export const stringMatch =
  (re: RegExp, message: string): Validator =>
  (v, key) => {
    const s = asString(v);
    if (s === undefined || re.test(s)) return [];
    return [validationError(`invalid value for ${key} (${message})`)];
  };

/** validation.StringLenBetween(min, max), measured in bytes. */
export const lengthBetween =
  (min: number, max: number): Validator =>
  (v, key) => {
    const s = asString(v);
    if (s === undefined) return [];
    const n = goLen(s);
    if (n >= min && n <= max) return [];
    return [validationError(`expected length of ${key} to be in the range (${min} - ${max}), got ${s}`)];
  };

/** A custom validator from a predicate and a fixed message (Coder's own ValidateFunc checks). */
export const check =
  (ok: (s: string) => boolean, message: (s: string) => string): Validator =>
  (v) => {
    const s = asString(v);
    if (s === undefined || ok(s)) return [];
    return [validationError(message(s))];
  };

/** helpers.ValidateURL: the value must parse with Go's net/url; the error is Go's text. */
export const validUrl: Validator = (v) => {
  const s = asString(v);
  if (s === undefined) return [];
  const parsed = parseGoUrl(s);
  return parsed.ok ? [] : [validationError(parsed.error)];
};

/** helpers.WarnDirNotHome: two warnings when `dir` is set to anything but "", $HOME or ~. */
export const warnDirNotHome: Validator = (v) => {
  const s = asString(v);
  if (s === undefined || s === '' || s === '$HOME' || s === '~') return [];
  return [
    validationWarning(`"dir" is deprecated and will be removed in a future release.`),
    validationWarning(`Setting "dir" to a value other than $HOME will break Coder Desktop file sync.`),
  ];
};
