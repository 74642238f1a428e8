/**
 * How coder_parameter turns its input (the user's value from Coder, or the default) into the
 * parameter value, and every check on the way. Pure functions over a decoded parameter, so the
 * data source stays small and the rules can be tested on their own.
 *
 * Order of checks: form type, then options (unique names, unique values, option value types),
 * then - unless there is neither a value nor a validation block - the value against the options,
 * the validation block, and finally the value's type.
 */
import type { AttributePath, Diagnostic } from '../framework/diagnostics';
import { attrStep, errorDiag } from '../framework/diagnostics';
import { goQuote } from '../framework/go/quote';
import { atoi, parseBool, parseFloat64 } from '../framework/go/strconv';
import { goSprintfNoArgs } from '../framework/go/printf';
import { compileGoRegexp } from '../framework/go/regexp';
import { unmarshalStringList } from '../framework/go/json';
import { resolveFormType } from './formtype';

export interface ParameterOption {
  readonly name: string;
  readonly description: string;
  readonly value: string;
  readonly icon: string;
}

/** One `validation` block; unset numbers read as 0 and unset strings as "". */
export interface ValidationRule {
  readonly min: bigint;
  readonly minDisabled: boolean;
  readonly max: bigint;
  readonly maxDisabled: boolean;
  readonly monotonic: string;
  readonly regex: string;
  readonly error: string;
}

export interface ParameterInput {
  readonly type: string;
  /** "" when unset. */
  readonly formType: string;
  /** null when the config has no default (absent or `default = null`). */
  readonly default: string | null;
  readonly options: readonly ParameterOption[];
  /** Zero or one rule. */
  readonly validation: readonly ValidationRule[];
}

export type ValidateResult =
  | { readonly ok: true; readonly value: string; readonly formType: string }
  | { readonly ok: false; readonly diagnostics: readonly Diagnostic[] };

const fail = (...diagnostics: Diagnostic[]): ValidateResult => ({ ok: false, diagnostics });

/**
 * A JSON text that decodes into a Go []string (json.Unmarshal): exactly one JSON value, `null` or
 * an array of strings and nulls (a null element reads as ""). Undefined when it does not.
 */
export function decodeStringList(text: string): string[] | undefined {
  const r = unmarshalStringList(text);
  return r.ok ? r.value : undefined;
}

/** Whether `value` is of parameter type `type`; returns the failure text, or undefined. */
export function checkValueType(type: string, value: string): string | undefined {
  switch (type) {
    case 'number':
      return parseFloat64(value).ok ? undefined : `${goQuote(value)} is not a number`;
    case 'bool':
      return parseBool(value).ok ? undefined : `${goQuote(value)} is not a bool`;
    case 'list(string)':
      return decodeStringList(value) ? undefined : `value ${goQuote(value)} is not a valid list of strings`;
    case 'string':
      return undefined;
    default:
      return `invalid type ${goQuote(type)}`;
  }
}

/**
 * The message of Go's xerrors.Errorf(format) called with no arguments: printf with every verb
 * missing, except that a `%w` anywhere but in a trailing ": %w" wraps the whole text in `%!w(...)`.
 */
export function xerrorsMessageNoArgs(format: string): string {
  const wrapsAtEnd = format.endsWith(': %w');
  const { firstW, rewritten } = replacePercentW(format);
  const wElsewhere = !wrapsAtEnd && firstW >= 0;
  if (!wElsewhere && (wrapsAtEnd || format.endsWith(': %s') || format.endsWith(': %v'))) return goSprintfNoArgs(format);
  const msg = goSprintfNoArgs(rewritten);
  return firstW < 0 ? msg : `%!w(${msg})`;
}

const LETTER = /\p{L}/u;

/** Finds `%w` directives (a `%`, non-letters, then the letter w) and turns each into `%v`. */
function replacePercentW(format: string): { firstW: number; rewritten: string } {
  let firstW = -1;
  let directive = 0;
  let out = format;
  let i = 0;
  while (i < out.length) {
    if (out[i] !== '%') {
      i++;
      continue;
    }
    if (out[i + 1] === '%') {
      i += 2;
      continue;
    }
    // The directive runs up to and including the first letter after the '%'.
    let end = out.length;
    let isW = false;
    for (let j = i + 1; j < out.length; ) {
      const cp = out.codePointAt(j) as number;
      const ch = String.fromCodePoint(cp);
      if (LETTER.test(ch)) {
        end = j + ch.length;
        isW = ch === 'w';
        break;
      }
      j += ch.length;
    }
    if (isW) {
      if (firstW < 0) firstW = directive;
      out = `${out.slice(0, end - 1)}v${out.slice(end)}`;
    }
    directive++;
    i = end;
  }
  return { firstW, rewritten: out };
}

/** The custom `error` text with {min}, {max} and {value} filled in (one left-to-right pass). */
function renderCustomError(rule: ValidationRule, value: string): string {
  const subst: Record<string, string> = { '{min}': rule.min.toString(), '{max}': rule.max.toString(), '{value}': value };
  let out = '';
  let i = 0;
  outer: while (i < rule.error.length) {
    for (const [key, replacement] of Object.entries(subst)) {
      if (rule.error.startsWith(key, i)) {
        out += replacement;
        i += key.length;
        continue outer;
      }
    }
    out += rule.error[i];
    i++;
  }
  return xerrorsMessageNoArgs(out);
}

/** The custom error when the rule has one, else the built-in message. */
const customOr = (rule: ValidationRule, value: string, builtin: string): string => (rule.error !== '' ? renderCustomError(rule, value) : builtin);

/** Checks `value` against one validation rule for a parameter of `type`; returns the failure text. */
export function checkValidationRule(rule: ValidationRule, type: string, value: string, previous: string | undefined): string | undefined {
  if (type !== 'number') {
    if (!rule.minDisabled) return `a min cannot be specified for a ${type} type`;
    if (!rule.maxDisabled) return `a max cannot be specified for a ${type} type`;
    if (rule.monotonic !== '') return `monotonic validation can only be specified for number types, not ${type} types`;
  }
  if (type !== 'string' && rule.regex !== '') return `a regex cannot be specified for a ${type} type`;

  switch (type) {
    case 'bool':
      return value === 'true' || value === 'false' ? undefined : 'boolean value can be either "true" or "false"';
    case 'string': {
      if (rule.regex === '') return undefined;
      const re = compileGoRegexp(rule.regex);
      // Go formats the regexp that failed to compile, which is nil: hence `<nil>`.
      if (!re.ok) return `compile regex <nil>: ${re.error}`;
      if (rule.error === '') return 'an error must be specified with a regex validation';
      if (!re.test(value)) return `${rule.error} (value ${goQuote(value)} does not match ${goQuote(rule.regex)})`;
      return undefined;
    }
    case 'number': {
      const n = atoi(value);
      if (!n.ok) return customOr(rule, value, `value ${goQuote(value)} is not a number`);
      if (!rule.minDisabled && n.value < rule.min) return customOr(rule, value, `value ${n.value} is less than the minimum ${rule.min}`);
      if (!rule.maxDisabled && n.value > rule.max) return customOr(rule, value, `value ${n.value} is more than the maximum ${rule.max}`);
      if (rule.monotonic !== '' && rule.monotonic !== 'increasing' && rule.monotonic !== 'decreasing') {
        return 'number monotonicity can be either "increasing" or "decreasing"';
      }
      if (rule.monotonic !== '' && previous !== undefined) {
        // A previous value that is not an integer is ignored rather than failing every later build.
        const prev = atoi(previous);
        if (!prev.ok) return undefined;
        if (rule.monotonic === 'increasing' && n.value < prev.value) {
          return `parameter value '${n.value}' must be equal or greater than previous value: ${prev.value}`;
        }
        if (rule.monotonic === 'decreasing' && n.value > prev.value) {
          return `parameter value '${n.value}' must be equal or lower than previous value: ${prev.value}`;
        }
      }
      return undefined;
    }
    case 'list(string)':
      return decodeStringList(value) ? undefined : `value ${goQuote(value)} is not valid list of strings`;
    default:
      return undefined;
  }
}

/** Option checks: unique names, unique values, values of `optionType`. Returns the accepted values. */
function checkOptions(options: readonly ParameterOption[], optionType: string): { values: Set<string> } | { diagnostics: Diagnostic[] } {
  const names = new Set<string>();
  const values = new Set<string>();
  const typeErrors: Diagnostic[] = [];
  for (const option of options) {
    if (names.has(option.name)) {
      return { diagnostics: [errorDiag('Option names must be unique.', `multiple options found with the same name ${goQuote(option.name)}`)] };
    }
    if (values.has(option.value)) {
      return { diagnostics: [errorDiag('Option values must be unique.', `multiple options found with the same value ${goQuote(option.value)}`)] };
    }
    const typeError = checkValueType(optionType, option.value);
    if (typeError !== undefined) {
      // A mistyped option is reported but not remembered, so a later duplicate of it is not flagged.
      typeErrors.push(
        errorDiag(`Option ${goQuote(option.name)} with value=${goQuote(option.value)} is not of type ${goQuote(optionType)}`, typeError),
      );
      continue;
    }
    names.add(option.name);
    values.add(option.value);
  }
  return typeErrors.length > 0 ? { diagnostics: typeErrors } : { values };
}

/** The value against the options and the validation block. `fromDefault` picks wording and path. */
function checkValue(
  p: ParameterInput,
  value: string,
  previous: string | undefined,
  optionType: string,
  optionValues: ReadonlySet<string>,
  fromDefault: boolean,
): Diagnostic | undefined {
  const name = fromDefault ? 'Default value' : 'Value';
  const path: AttributePath | undefined = fromDefault ? [attrStep('default')] : undefined;
  if (optionValues.size > 0) {
    if (p.type === 'list(string)' && optionType === 'string') {
      // multi-select: every element of the JSON list must be an option value.
      const elements = decodeStringList(value);
      if (!elements) {
        return errorDiag(
          'When using list(string) type, value must be a json encoded list of strings',
          `value ${goQuote(value)} is not a valid list of strings`,
          path,
        );
      }
      const missing = elements.filter((e) => !optionValues.has(e));
      if (missing.length > 0) {
        return errorDiag(
          `${name}s must be a valid option`,
          `${name} ${goQuote(value)} is not a valid option, values ${goQuote(missing.join(', '))} are missing from the options`,
          path,
        );
      }
    } else if (!optionValues.has(value)) {
      const hint = value === '' ? '. The value is empty, did you forget to set it with a default or from user input?' : '';
      return errorDiag(`${name} must be a valid option${hint}`, `the value ${goQuote(value)} must be defined as one of options`, path);
    }
  }
  const rule = p.validation[0];
  if (p.validation.length === 1 && rule) {
    const problem = checkValidationRule(rule, p.type, value, previous);
    if (problem !== undefined) {
      return errorDiag(`Invalid parameter ${name.toLowerCase()} according to 'validation' block`, problem, path);
    }
  }
  return undefined;
}

/**
 * The parameter value from `input` (the user's value; undefined when its variable is not set at
 * all) or else the default, with the resolved form type. `previous` is the last build's value.
 */
export function validateParameterInput(p: ParameterInput, input: string | undefined, previous: string | undefined): ValidateResult {
  const candidate = input !== undefined ? input : p.default;
  const fromDefault = input === undefined && p.default !== null;

  const resolved = resolveFormType(p.type, p.options.length, p.formType);
  if (!resolved.ok) return fail(errorDiag('Invalid form_type for parameter', resolved.error, [attrStep('form_type')]));

  const options = checkOptions(p.options, resolved.optionType);
  if ('diagnostics' in options) return fail(...options.diagnostics);

  // Without a validation block, no value at all is simply "": no option or type check applies.
  if (p.validation.length === 0 && candidate === null) return { ok: true, value: '', formType: resolved.formType };

  const value = candidate ?? '';
  const problem = checkValue(p, value, previous, resolved.optionType, options.values, fromDefault);
  if (problem) return fail(problem);

  const typeError = checkValueType(p.type, value);
  if (typeError !== undefined) return fail(errorDiag(`Parameter value is not of type ${goQuote(p.type)}`, typeError));

  return { ok: true, value, formType: resolved.formType };
}
