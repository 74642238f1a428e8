/**
 * cty types, as Terraform describes them on the wire (type JSON, see plugin-protocol.md sec. 3.1).
 *
 * A type is a plain immutable tagged union so it can be compared structurally and built once
 * per schema. Object types keep attribute names in a null-prototype record so user-chosen
 * names such as "__proto__" cannot collide with Object.prototype.
 */
export type CtyType =
  | { readonly kind: 'string' }
  | { readonly kind: 'number' }
  | { readonly kind: 'bool' }
  | { readonly kind: 'dynamic' }
  | { readonly kind: 'list'; readonly element: CtyType }
  | { readonly kind: 'set'; readonly element: CtyType }
  | { readonly kind: 'map'; readonly element: CtyType }
  | {
      readonly kind: 'object';
      readonly attributes: Readonly<Record<string, CtyType>>;
      /** Names of optional attributes (only meaningful in type constraints, e.g. function params). */
      readonly optional?: readonly string[];
    }
  | { readonly kind: 'tuple'; readonly elements: readonly CtyType[] };

export const StringType: CtyType = Object.freeze({ kind: 'string' });
export const NumberType: CtyType = Object.freeze({ kind: 'number' });
export const BoolType: CtyType = Object.freeze({ kind: 'bool' });
export const DynamicType: CtyType = Object.freeze({ kind: 'dynamic' });

export const listOf = (element: CtyType): CtyType => ({ kind: 'list', element });
export const setOf = (element: CtyType): CtyType => ({ kind: 'set', element });
export const mapOf = (element: CtyType): CtyType => ({ kind: 'map', element });
export const tupleOf = (elements: readonly CtyType[]): CtyType => ({ kind: 'tuple', elements });
export function objectOf(attributes: Record<string, CtyType>, optional?: readonly string[]): CtyType {
  const attrs: Record<string, CtyType> = Object.create(null);
  for (const [k, v] of Object.entries(attributes)) attrs[k] = v;
  return optional && optional.length > 0 ? { kind: 'object', attributes: attrs, optional } : { kind: 'object', attributes: attrs };
}

/** Structural type equality (optional-attribute sets included, order-insensitive). */
export function typesEqual(a: CtyType, b: CtyType): boolean {
  if (a === b) return true;
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'list':
    case 'set':
    case 'map':
      return typesEqual(a.element, (b as typeof a).element);
    case 'tuple': {
      const be = (b as typeof a).elements;
      if (a.elements.length !== be.length) return false;
      for (let i = 0; i < be.length; i++) if (!typesEqual(a.elements[i], be[i])) return false;
      return true;
    }
    case 'object': {
      const bo = b as typeof a;
      const ak = Object.keys(a.attributes);
      if (ak.length !== Object.keys(bo.attributes).length) return false;
      for (const k of ak) {
        if (!Object.prototype.hasOwnProperty.call(bo.attributes, k)) return false;
        if (!typesEqual(a.attributes[k], bo.attributes[k])) return false;
      }
      const ao = a.optional ?? [];
      const bopt = bo.optional ?? [];
      if (ao.length !== bopt.length) return false;
      const set = new Set(ao);
      return bopt.every((n) => set.has(n));
    }
    default:
      return true; // primitives and dynamic: the kind says it all
  }
}

/** Human-readable type name for messages, in go-cty's FriendlyName style ("list of string"). */
export function typeName(t: CtyType, depth = 0): string {
  if (depth > 8) return '...';
  switch (t.kind) {
    case 'list':
    case 'set':
    case 'map':
      return `${t.kind} of ${typeName(t.element, depth + 1)}`;
    case 'dynamic':
      return 'dynamic';
    default:
      return t.kind;
  }
}
