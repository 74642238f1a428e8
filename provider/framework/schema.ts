/**
 * Declarative schemas. A resource or data source declares its schema once with these types; from
 * that one declaration the framework derives the protocol Schema, the implied cty object type used
 * to decode and encode values, config validation, defaults, planning and state shaping.
 *
 * The semantics follow terraform-plugin-sdk/v2, because the provider we replace is built on it
 * and state must move between the two without a diff (see ../shared/spec/README.md).
 */
import type { CtyType } from '../values/types';
import { BoolType, NumberType, StringType, listOf, mapOf, objectOf, setOf } from '../values/types';
import type { Value } from '../values/value';
import type { Schema as ProtocolSchema, SchemaAttribute, SchemaBlock, SchemaNestedBlock } from '../protocol/interface';
import type { ValidationDiag } from './diagnostics';

/** A validator sees a known, non-null configured value and its flattened SDK key (e.g. `item.0.key`). */
export type Validator = (value: Value, key: string) => readonly ValidationDiag[];

interface CommonSpec {
  readonly description: string;
  /** Deprecation message: a warning "Argument is deprecated" is emitted when the value is set. */
  readonly deprecated?: string;
  /** Any change to a ForceNew attribute plans a replacement. */
  readonly forceNew?: boolean;
  /** SDK ConflictsWith: flattened keys from the root, e.g. `url` or `validation.0.min`. */
  readonly conflictsWith?: readonly string[];
}

export interface AttributeSpec extends CommonSpec {
  readonly kind: 'attribute';
  readonly type: CtyType;
  readonly required?: boolean;
  readonly optional?: boolean;
  readonly computed?: boolean;
  readonly sensitive?: boolean;
  /** SDK `Default`: used for planning and state when config is null; never validated. */
  readonly default?: Value;
  /** SDK `DefaultFunc`: like default but validated (only the provider `url` uses it). */
  readonly defaultFunc?: () => Value;
  readonly validators?: readonly Validator[];
  /** TypeInt in the SDK: a number that must be whole. */
  readonly integer?: boolean;
  /**
   * The `id` the SDK adds to a schema without one: in the wire schema (optional + computed) but
   * not in the SDK's own schema map, so validation reports a configured value as an unknown key.
   */
  readonly implicit?: boolean;
}

export interface BlockSpec extends CommonSpec {
  readonly kind: 'block';
  readonly nesting: 'list' | 'set';
  readonly minItems?: number;
  readonly maxItems?: number;
  /** SDK Optional+Computed block: when omitted, the provider fills it (display_apps). */
  readonly computed?: boolean;
  /** SDK Required block (MinItems becomes 1 on the wire unless set). */
  readonly required?: boolean;
  readonly attributes: Readonly<Record<string, AttributeSpec>>;
  readonly blocks?: Readonly<Record<string, BlockSpec>>;
}

export interface BodySpec {
  readonly attributes: Readonly<Record<string, AttributeSpec>>;
  readonly blocks?: Readonly<Record<string, BlockSpec>>;
}

export interface TopSchema extends BodySpec {
  readonly version: number;
  readonly description: string;
  readonly deprecated?: string;
}

type AttrOptions = Omit<AttributeSpec, 'kind' | 'type'>;
type BlockOptions = Omit<BlockSpec, 'kind' | 'nesting'>;

/** Attribute constructors, named after the SDK types they stand in for. */
export const attr = {
  string: (o: AttrOptions): AttributeSpec => ({ kind: 'attribute', type: StringType, ...o }),
  /** SDK TypeInt: a whole number on the wire type `number`. */
  int: (o: AttrOptions): AttributeSpec => ({ kind: 'attribute', type: NumberType, integer: true, ...o }),
  bool: (o: AttrOptions): AttributeSpec => ({ kind: 'attribute', type: BoolType, ...o }),
  stringMap: (o: AttrOptions): AttributeSpec => ({ kind: 'attribute', type: mapOf(StringType), ...o }),
  stringList: (o: AttrOptions): AttributeSpec => ({ kind: 'attribute', type: listOf(StringType), ...o }),
  typed: (type: CtyType, o: AttrOptions): AttributeSpec => ({ kind: 'attribute', type, ...o }),
};

export const block = {
  list: (o: BlockOptions): BlockSpec => ({ kind: 'block', nesting: 'list', ...o }),
  set: (o: BlockOptions): BlockSpec => ({ kind: 'block', nesting: 'set', ...o }),
};

/** The SDK adds `id` (optional + computed, no description) to any schema that lacks one. */
export function withImplicitId(schema: TopSchema): TopSchema {
  if (schema.attributes.id) return schema;
  return {
    ...schema,
    attributes: { ...schema.attributes, id: { kind: 'attribute', type: StringType, optional: true, computed: true, description: '', implicit: true } },
  };
}

const sortedCache = new WeakMap<object, ReadonlyArray<readonly [string, unknown]>>();
const NO_ENTRIES: ReadonlyArray<readonly [string, never]> = Object.freeze([]);

/**
 * Sorted entries: the SDK emits schema members in name order, and so do we everywhere. Schema
 * records never change after they are built, and this runs for every block of every value on
 * every call, so the sorted list is made once per record (measured: sorting was 1.3 % of the
 * provider's CPU time over a 1,000-resource plan + apply). The result is frozen: iterate only.
 */
export function sortedEntries<T>(rec: Readonly<Record<string, T>> | undefined): ReadonlyArray<readonly [string, T]> {
  if (!rec) return NO_ENTRIES;
  let entries = sortedCache.get(rec) as ReadonlyArray<readonly [string, T]> | undefined;
  if (!entries) {
    entries = Object.freeze(Object.keys(rec).sort().map((k) => Object.freeze([k, rec[k] as T] as const)));
    sortedCache.set(rec, entries);
  }
  return entries;
}

/** The cty object type a block's values are encoded with (plugin-protocol.md sec. 3.2). */
export function impliedType(body: BodySpec): CtyType {
  const attrs: Record<string, CtyType> = {};
  for (const [name, a] of sortedEntries(body.attributes)) attrs[name] = a.type;
  for (const [name, b] of sortedEntries(body.blocks)) {
    const inner = impliedType(b);
    attrs[name] = b.nesting === 'set' ? setOf(inner) : listOf(inner);
  }
  return objectOf(attrs);
}

function toProtocolAttribute(name: string, a: AttributeSpec): SchemaAttribute {
  return {
    name,
    type: a.type,
    description: a.description,
    descriptionKind: 'plain',
    required: !!a.required,
    optional: !!a.optional,
    computed: !!a.computed,
    sensitive: !!a.sensitive,
    deprecated: a.deprecated !== undefined,
    ...(a.deprecated !== undefined ? { deprecationMessage: a.deprecated } : {}),
    writeOnly: false,
  };
}

function toProtocolBlock(body: BodySpec, description: string, deprecated: string | undefined): SchemaBlock {
  const blockTypes: SchemaNestedBlock[] = sortedEntries(body.blocks).map(([typeName, b]) => ({
    typeName,
    block: toProtocolBlock(b, b.description, b.deprecated),
    nesting: b.nesting,
    // The SDK raises MinItems to 1 for a Required block that does not set it.
    minItems: b.minItems ?? (b.required ? 1 : 0),
    maxItems: b.maxItems ?? 0,
  }));
  return {
    attributes: sortedEntries(body.attributes).map(([n, a]) => toProtocolAttribute(n, a)),
    blockTypes,
    description,
    descriptionKind: 'plain',
    deprecated: deprecated !== undefined,
    ...(deprecated !== undefined ? { deprecationMessage: deprecated } : {}),
  };
}

export function toProtocolSchema(schema: TopSchema): ProtocolSchema {
  return { version: schema.version, block: toProtocolBlock(schema, schema.description, schema.deprecated) };
}

/** Whether a member of a body is computed-only (the user may not set it). */
export const isComputedOnly = (a: AttributeSpec): boolean => !!a.computed && !a.optional && !a.required;
