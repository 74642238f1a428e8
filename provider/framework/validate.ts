/**
 * Config validation with the SDK's rules (terraform-plugin-sdk/v2 schemaMap.validate), because
 * users and tests match on its exact diagnostics:
 *   absent + DefaultFunc -> validate the default; absent + Required -> "Missing required argument";
 *   computed-only set -> "Value for unconfigurable attribute"; unknown anywhere -> stop;
 *   ConflictsWith -> "Conflicting configuration arguments"; whole-number check; validators;
 *   deprecation warning last; a configured implicit `id` is an unknown key. Keys are flattened
 *   (`item.0.key`) and set paths stop at the set.
 */
import type { Value } from '../values/value';
import type { AttributePath, Diagnostic } from './diagnostics';
import { attrStep, errorDiag, indexStep, warningDiag } from './diagnostics';
import type { AttributeSpec, BlockSpec, BodySpec } from './schema';
import { isComputedOnly, sortedEntries } from './schema';
import { hasUnknown, isGoInt, isPresent, lookupFlatKey } from './walk';
import { formatFloatV } from './go/strconv';
import { BigNumber, Unknown } from '../values/value';
import { Yielder, runSync, type Steps } from './yielder';
import { isLeaf } from './defaults';

interface Ctx {
  readonly root: Value;
  readonly y: Yielder;
}

export function validateBody(body: BodySpec, value: Value, root: Value = value): Diagnostic[] {
  return runSync(validateBodySteps(body, value, Yielder.never, root));
}

/** validateBody as steps that may pause (see yielder.ts). */
export function validateBodySteps(body: BodySpec, value: Value, y: Yielder, root: Value = value): Steps<Diagnostic[]> {
  return validateObject({ root, y }, body, value, '', []);
}

function* validateObject(ctx: Ctx, body: BodySpec, value: Value, prefix: string, path: AttributePath): Steps<Diagnostic[]> {
  const obj = (value ?? {}) as Record<string, Value>;
  const out = validateAttributes(ctx, body, obj, prefix, path);
  if (ctx.y.tick(0)) yield;
  for (const [name, spec] of sortedEntries(body.blocks)) {
    const v = obj[name] ?? null;
    const k = key(prefix, name);
    const p = [...path, attrStep(name)];
    // Only a block with elements needs steps (see isLeaf in defaults.ts).
    if (Array.isArray(v) && v.length > 0) out.push(...(yield* validateBlock(ctx, spec, v, k, p)));
    else out.push(...(blockChecks(ctx, spec, v, [], k, p) ?? deprecation(spec, p)));
  }
  implicitKeys(body, obj, path, out);
  return out;
}

/** validateObject for a body without nested blocks, as plain code. */
function validateLeaf(ctx: Ctx, body: BodySpec, value: Value, prefix: string, path: AttributePath): Diagnostic[] {
  const obj = (value ?? {}) as Record<string, Value>;
  const out = validateAttributes(ctx, body, obj, prefix, path);
  implicitKeys(body, obj, path, out);
  return out;
}

function validateAttributes(ctx: Ctx, body: BodySpec, obj: Record<string, Value>, prefix: string, path: AttributePath): Diagnostic[] {
  const out: Diagnostic[] = [];
  for (const [name, spec] of sortedEntries(body.attributes)) {
    if (spec.implicit) continue;
    const v = obj[name] ?? null;
    out.push(...validateAttribute(ctx, name, spec, v, key(prefix, name), [...path, attrStep(name)]));
    // A big list is walked by the checks and validators above.
    if (Array.isArray(v)) ctx.y.count(v.length);
  }
  return out;
}

/** The SDK's schema map has no implicit id, so a configured one is an unknown key (reported last). */
function implicitKeys(body: BodySpec, obj: Record<string, Value>, path: AttributePath, out: Diagnostic[]): void {
  for (const [name, spec] of sortedEntries(body.attributes)) {
    if (spec.implicit && (obj[name] ?? null) !== null) out.push(errorDiag('Invalid or unknown key', undefined, [...path, attrStep(name)]));
  }
}

const key = (prefix: string, name: string): string => (prefix ? `${prefix}.${name}` : name);

function commonChecks(
  ctx: Ctx,
  spec: AttributeSpec | BlockSpec,
  present: boolean,
  raw: Value,
  k: string,
  path: AttributePath,
): Diagnostic[] | 'continue' {
  if (!present) {
    if (spec.required) {
      return [errorDiag('Missing required argument', `The argument "${k}" is required, but no definition was found.`, path)];
    }
    return [];
  }
  if (spec.kind === 'attribute' && isComputedOnly(spec)) {
    return [
      errorDiag(
        'Value for unconfigurable attribute',
        `Can't configure a value for "${k}": its value will be decided automatically based on the result of applying this configuration.`,
        path,
      ),
    ];
  }
  if (hasUnknown(raw)) return [];
  for (const other of spec.conflictsWith ?? []) {
    const v = lookupFlatKey(ctx.root, other);
    if (v === undefined || v === null) continue;
    // Only a wholly unknown value is deferred (SDK: raw == UnknownVariableValue); a block or
    // collection that merely contains an unknown already counts as set.
    if (v instanceof Unknown) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    return [errorDiag('Conflicting configuration arguments', `"${k}": conflicts with ${other}`, path)];
  }
  return 'continue';
}

function validateAttribute(ctx: Ctx, name: string, spec: AttributeSpec, configured: Value, k: string, path: AttributePath): Diagnostic[] {
  let raw = configured;
  let present = isPresent(raw, false);
  if (!present && spec.defaultFunc) {
    raw = spec.defaultFunc();
    present = raw !== null;
  }
  const early = commonChecks(ctx, spec, present, raw, k, path);
  if (early !== 'continue') return early;

  const out: Diagnostic[] = [];
  if (spec.integer && (typeof raw === 'number' || raw instanceof BigNumber) && !isGoInt(raw)) {
    const shown = typeof raw === 'number' ? formatFloatV(raw) : formatFloatV(Number(raw.text));
    return [errorDiag(`Attribute must be a whole number, got ${shown}`, undefined, path)];
  }
  if (Array.isArray(raw) && raw.some((e) => e === null)) {
    return [errorDiag('Null value found in list', 'Null values are not allowed for this attribute value.', path)];
  }
  for (const validator of spec.validators ?? []) {
    for (const d of validator(raw, k)) {
      out.push(d.severity === 'error' ? errorDiag(d.summary, d.detail, path) : warningDiag(d.summary, d.detail, path));
    }
  }
  if (spec.deprecated !== undefined) out.push(warningDiag('Argument is deprecated', spec.deprecated, path));
  void name;
  return out;
}

function* validateBlock(ctx: Ctx, spec: BlockSpec, elems: Value[], k: string, path: AttributePath): Steps<Diagnostic[]> {
  const early = blockChecks(ctx, spec, elems, elems, k, path);
  if (early) return early;
  let out: Diagnostic[] = [];
  const leaf = isLeaf(spec);
  for (let i = 0; i < elems.length; i++) {
    const k2 = `${k}.${i}`;
    const p2 = [...path, indexStep(i)];
    out.push(...(leaf ? validateLeaf(ctx, spec, elems[i]!, k2, p2) : yield* validateObject(ctx, spec, elems[i]!, k2, p2)));
    if (ctx.y.tick()) yield;
  }
  // The SDK cannot address set elements, so every diagnostic inside a set points at the set.
  if (spec.nesting === 'set') out = out.map((d) => ({ ...d, path }));
  out.push(...deprecation(spec, path));
  return out;
}

/**
 * The checks of a block itself (presence, conflicts, item counts): the block's diagnostics when
 * they end its validation, else undefined (go on with its elements).
 */
function blockChecks(ctx: Ctx, spec: BlockSpec, configured: Value, elems: readonly Value[], k: string, path: AttributePath): Diagnostic[] | undefined {
  const early = commonChecks(ctx, spec, isPresent(configured, true), configured, k, path);
  if (early !== 'continue') return early;
  let d: Diagnostic;
  if (spec.maxItems && elems.length > spec.maxItems) {
    d = errorDiag('Too many list items', `Attribute ${k} supports ${spec.maxItems} item maximum, but config has ${elems.length} declared.`, path);
  } else if (spec.minItems && elems.length < spec.minItems) {
    d = errorDiag('Not enough list items', `Attribute ${k} requires ${spec.minItems} item minimum, but config has only ${elems.length} declared.`, path);
  } else {
    return undefined;
  }
  return [d, ...deprecation(spec, path)];
}

const NONE: readonly Diagnostic[] = Object.freeze([]);

const deprecation = (spec: BlockSpec, path: AttributePath): readonly Diagnostic[] =>
  spec.deprecated === undefined ? NONE : [warningDiag('Argument is deprecated', spec.deprecated, path)];
