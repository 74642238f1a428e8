/**
 * DynamicValues from a provider's own wire schema (GetProviderSchema answer, protobufjs objects):
 * the object type a block implies, and full objects from partial configurations. Used by the
 * per-RPC benchmark (bench/lib/rpc.ts) and the code-cache warm-up (scripts/code-cache-warmup.ts),
 * so both providers receive values that conform to their schema exactly as tofu would send them.
 */
import { parseTypeJson } from '../../provider/values/typejson';
import { listOf, mapOf, objectOf, setOf, type CtyType } from '../../provider/values/types';
import { obj, type ObjectValue, type Value } from '../../provider/values/value';

export interface WireAttribute {
  name: string;
  type: Uint8Array;
  required?: boolean;
}
export interface WireNestedBlock {
  typeName: string;
  nesting: number;
  block: WireBlock;
  minItems?: number | { toNumber(): number };
}
export interface WireBlock {
  attributes?: WireAttribute[];
  blockTypes?: WireNestedBlock[];
}

export const NESTING = { SINGLE: 1, LIST: 2, SET: 3, MAP: 4, GROUP: 5 } as const;

/** The object type a schema block implies (what a DynamicValue for it must conform to). */
export function blockType(b: WireBlock): CtyType {
  const attrs: Record<string, CtyType> = {};
  for (const a of b.attributes ?? []) attrs[a.name] = parseTypeJson(a.type);
  for (const nb of b.blockTypes ?? []) {
    const inner = blockType(nb.block);
    if (nb.nesting === NESTING.SINGLE || nb.nesting === NESTING.GROUP) attrs[nb.typeName] = inner;
    else if (nb.nesting === NESTING.LIST) attrs[nb.typeName] = listOf(inner);
    else if (nb.nesting === NESTING.SET) attrs[nb.typeName] = setOf(inner);
    else if (nb.nesting === NESTING.MAP) attrs[nb.typeName] = mapOf(inner);
    else throw new Error(`unsupported nesting ${nb.nesting} for block ${nb.typeName}`);
  }
  return objectOf(attrs);
}

/** Partial configuration: attribute values, and arrays of partial objects for nested blocks. */
export type PartialConfig = { readonly [name: string]: Value | readonly PartialConfig[] };

/** A full object for `b`: given values, nulls for other attributes, empty collections for blocks. */
export function fillBlock(b: WireBlock, given: PartialConfig): ObjectValue {
  const out = obj();
  for (const a of b.attributes ?? []) out[a.name] = (given[a.name] as Value | undefined) ?? null;
  for (const nb of b.blockTypes ?? []) {
    const g = given[nb.typeName] as readonly PartialConfig[] | undefined;
    if (nb.nesting === NESTING.SINGLE || nb.nesting === NESTING.GROUP) out[nb.typeName] = g?.[0] ? fillBlock(nb.block, g[0]) : null;
    else if (nb.nesting === NESTING.MAP) out[nb.typeName] = obj();
    else out[nb.typeName] = (g ?? []).map((x) => fillBlock(nb.block, x));
  }
  return out;
}

/** A placeholder value of type `t` for a required attribute nobody described. */
export function placeholder(t: CtyType): Value {
  switch (t.kind) {
    case 'string':
      return 'placeholder';
    case 'number':
      return 1;
    case 'bool':
      return false;
    case 'list':
    case 'set':
    case 'tuple':
      return [];
    case 'map':
      return obj();
    case 'object':
      return obj(Object.entries(t.attributes).map(([k, v]) => [k, placeholder(v)] as [string, Value]));
    default:
      return null;
  }
}

/**
 * `given` plus placeholders for the required attributes and the minimum number of required
 * nested blocks it leaves out, so the configuration passes Terraform's own checks.
 */
export function fillRequired(b: WireBlock, given: PartialConfig = {}): ObjectValue {
  const withRequired: Record<string, Value | readonly PartialConfig[]> = { ...given };
  for (const a of b.attributes ?? []) {
    if (a.required && withRequired[a.name] === undefined) withRequired[a.name] = placeholder(parseTypeJson(a.type));
  }
  const out = fillBlock(b, withRequired);
  for (const nb of b.blockTypes ?? []) {
    const min = typeof nb.minItems === 'object' && nb.minItems ? nb.minItems.toNumber() : (nb.minItems ?? 0);
    if (min > 0 && given[nb.typeName] === undefined) {
      const one = fillRequired(nb.block);
      out[nb.typeName] = nb.nesting === NESTING.SINGLE || nb.nesting === NESTING.GROUP ? one : Array.from({ length: min }, () => one);
    }
  }
  return out;
}
