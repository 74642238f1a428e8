/**
 * Attribute paths over values: formatting for humans, lookup, traversal, and trimming a path to
 * what the protocol can address (set elements have no protocol step, sec. 2.5).
 */
import type { AttributePath, PathStep } from '../protocol/interface';
import type { CtyType } from './types';
import { sortedAttributeNames } from './util';
import { DynamicWrapped, isObjectValue, UNKNOWN, Unknown, type Value } from './value';

export type { AttributePath, PathStep };

export const attrStep = (attribute: string): PathStep => ({ attribute });
export const keyStep = (key: string): PathStep => ({ key });
export const indexStep = (index: number): PathStep => ({ index });

const SIMPLE_NAME = /^[A-Za-z_][A-Za-z0-9_-]*$/;

/**
 * Formats a path the way Terraform shows one: `a.b[0]["k"]`. Attribute names that are not
 * identifiers are shown as `["name"]` so the output stays unambiguous.
 */
export function formatPath(path: readonly PathStep[]): string {
  let out = '';
  for (const step of path) {
    if ('attribute' in step) {
      if (SIMPLE_NAME.test(step.attribute)) out += out === '' ? step.attribute : `.${step.attribute}`;
      else out += `[${JSON.stringify(step.attribute)}]`;
    } else if ('key' in step) {
      out += `[${JSON.stringify(step.key)}]`;
    } else {
      out += `[${step.index}]`;
    }
  }
  return out;
}

/** Result of resolving a path: the value found there and its type. */
export interface Located {
  readonly value: Value;
  readonly type: CtyType;
}

/** Unwraps a dynamic slot to the concrete value and type it holds. */
function unwrapDynamic(value: Value, type: CtyType): Located {
  let v = value;
  let t = type;
  while (t.kind === 'dynamic' && v instanceof DynamicWrapped) {
    t = v.type;
    v = v.value;
  }
  return { value: v, type: t };
}

/**
 * Takes one step from (value, type). A null or unknown container yields a null or unknown child
 * of the child's type (what Terraform means by "everything under an unknown is unknown"), so
 * callers can ask about nested attributes without checking every level. Returns undefined when
 * the step does not fit the type, or addresses a missing element or a set element.
 */
export function step(value: Value, type: CtyType, s: PathStep): Located | undefined {
  const here = unwrapDynamic(value, type);
  const v = here.value;
  const t = here.type;
  let childType: CtyType | undefined;
  if ('attribute' in s) {
    if (t.kind !== 'object' || !Object.prototype.hasOwnProperty.call(t.attributes, s.attribute)) return undefined;
    childType = t.attributes[s.attribute];
  } else if ('key' in s) {
    if (t.kind !== 'map') return undefined;
    childType = t.element;
  } else {
    if (t.kind === 'list') childType = t.element;
    else if (t.kind === 'tuple') childType = t.elements[s.index];
    if (childType === undefined || !Number.isInteger(s.index) || s.index < 0) return undefined;
  }
  if (v === null) return { value: null, type: childType };
  if (v instanceof Unknown) return { value: UNKNOWN, type: childType };
  if ('index' in s) {
    if (!Array.isArray(v) || s.index >= v.length) return undefined;
    return { value: v[s.index], type: childType };
  }
  const name = 'attribute' in s ? s.attribute : s.key;
  if (!isObjectValue(v)) return undefined;
  if (!Object.prototype.hasOwnProperty.call(v, name)) {
    // An object attribute that is absent from the record is null; a missing map key is absent.
    return 'attribute' in s ? { value: null, type: childType } : undefined;
  }
  return { value: v[name], type: childType };
}

/** Resolves a whole path; undefined if any step does not apply. */
export function getAt(value: Value, type: CtyType, path: readonly PathStep[]): Located | undefined {
  let cur: Located = { value, type };
  for (const s of path) {
    const next = step(cur.value, cur.type, s);
    if (next === undefined) return undefined;
    cur = next;
  }
  return unwrapDynamic(cur.value, cur.type);
}

/** The type found at `path` (no value needed); undefined if the path does not fit the type. */
export function typeAt(type: CtyType, path: readonly PathStep[]): CtyType | undefined {
  let t: CtyType | undefined = type;
  for (const s of path) {
    if (t === undefined) return undefined;
    if ('attribute' in s) {
      t = t.kind === 'object' && Object.prototype.hasOwnProperty.call(t.attributes, s.attribute) ? t.attributes[s.attribute] : undefined;
    } else if ('key' in s) {
      t = t.kind === 'map' ? t.element : undefined;
    } else if (t.kind === 'list') {
      t = t.element;
    } else if (t.kind === 'tuple') {
      t = t.elements[s.index];
    } else {
      return undefined;
    }
  }
  return t;
}

/**
 * Visits (path, value, type) for the value and every nested value, parents before children.
 * Return false from the visitor to skip a node's children. Each call gets its own path array.
 * Object attributes and map keys are visited in the codecs' (sorted / stored) order.
 *
 * Set elements are visited with `{index}` steps giving their position in the array; those
 * paths are fine for local bookkeeping but cannot be sent to Terraform (use protocolPath).
 * Dynamic slots are reported with their concrete (wrapped) type and unwrapped value.
 */
export function walk(
  value: Value,
  type: CtyType,
  visit: (path: PathStep[], value: Value, type: CtyType) => void | boolean,
): void {
  const path: PathStep[] = [];
  const go = (v0: Value, t0: CtyType): void => {
    const { value: v, type: t } = unwrapDynamic(v0, t0);
    if (visit(path.slice(), v, t) === false) return;
    if (v === null || v instanceof Unknown) return;
    switch (t.kind) {
      case 'list':
      case 'set':
      case 'tuple':
        if (!Array.isArray(v)) return;
        for (let i = 0; i < v.length; i++) {
          const et = t.kind === 'tuple' ? t.elements[i] : t.element;
          if (et === undefined) return;
          path.push({ index: i });
          go(v[i], et);
          path.pop();
        }
        return;
      case 'map':
        if (!isObjectValue(v)) return;
        for (const k of Object.keys(v)) {
          path.push({ key: k });
          go(v[k], t.element);
          path.pop();
        }
        return;
      case 'object':
        if (!isObjectValue(v)) return;
        for (const k of sortedAttributeNames(t)) {
          path.push({ attribute: k });
          go(Object.prototype.hasOwnProperty.call(v, k) ? v[k] : null, t.attributes[k]);
          path.pop();
        }
        return;
      default:
        return;
    }
  };
  go(value, type);
}

/**
 * Cuts a path after the step that reaches the first set, since the protocol cannot address set
 * elements (diagnostics then point at the whole set, as terraform-plugin-go does). Also stops at
 * a step that does not fit the type, and at a `dynamic` slot (its concrete type needs the value).
 */
export function protocolPath(type: CtyType, path: readonly PathStep[]): PathStep[] {
  const out: PathStep[] = [];
  let t: CtyType | undefined = type;
  for (const s of path) {
    if (t === undefined || t.kind === 'set' || t.kind === 'dynamic') break;
    const next = typeAt(t, [s]);
    if (next === undefined) break;
    out.push(s);
    t = next;
  }
  return out;
}
