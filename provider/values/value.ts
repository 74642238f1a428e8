/**
 * The in-memory representation of cty values used everywhere in the provider.
 *
 * Values are untyped JS data interpreted against a CtyType (the schema always supplies the type,
 * exactly as Terraform never sends a type alongside a DynamicValue):
 *
 *   null                      -> null of any type
 *   Unknown                   -> an unknown value of any type (optionally refined)
 *   string                    -> string
 *   number | BigNumber        -> number (BigNumber when a JS double would lose digits)
 *   boolean                   -> bool
 *   Value[]                   -> list, set (order not meaningful) and tuple
 *   ObjectValue (null-proto)  -> object and map
 *   DynamicWrapped            -> a value of a concrete type inside a `dynamic` slot
 */
import type { CtyType } from './types';

/** Refinements Terraform may attach to an unknown (msgpack extension 12). */
export interface Refinements {
  /** false = known not to be null. */
  readonly nullable?: boolean;
  readonly stringPrefix?: string;
  readonly numberLower?: readonly [number | BigNumber, boolean];
  readonly numberUpper?: readonly [number | BigNumber, boolean];
  readonly lengthLower?: number;
  readonly lengthUpper?: number;
}

export class Unknown {
  constructor(readonly refinements?: Refinements) {}
}
/** The plain, unrefined unknown. */
export const UNKNOWN = new Unknown();

/**
 * A number that a JS double cannot hold exactly (an int64 beyond 2^53, or a decimal with more
 * precision than a double). `text` is a plain decimal (no exponent), as go-cty writes it.
 */
export class BigNumber {
  constructor(readonly text: string) {}
  toString(): string {
    return this.text;
  }
}

/** A concrete value stored in a `dynamic` slot; carries its own type. */
export class DynamicWrapped {
  constructor(readonly type: CtyType, readonly value: Value) {}
}

export type ObjectValue = { [key: string]: Value };

export type Value =
  | null
  | Unknown
  | string
  | number
  | BigNumber
  | boolean
  | Value[]
  | ObjectValue
  | DynamicWrapped;

export const isUnknown = (v: Value): v is Unknown => v instanceof Unknown;
export const isNull = (v: Value): v is null => v === null;

/** True for the null-prototype records used for objects and maps. */
export function isObjectValue(v: Value): v is ObjectValue {
  return (
    typeof v === 'object' &&
    v !== null &&
    !Array.isArray(v) &&
    !(v instanceof Unknown) &&
    !(v instanceof BigNumber) &&
    !(v instanceof DynamicWrapped)
  );
}

/** Builds an object/map value with a null prototype (safe for any key). */
export function obj(entries?: Record<string, Value> | Iterable<[string, Value]>): ObjectValue {
  const out: ObjectValue = Object.create(null);
  if (!entries) return out;
  const it = Symbol.iterator in (entries as object) ? (entries as Iterable<[string, Value]>) : Object.entries(entries);
  for (const [k, v] of it) out[k] = v;
  return out;
}
