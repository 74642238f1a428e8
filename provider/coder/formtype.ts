/**
 * Which `form_type` a coder_parameter may use for its `type`, and what it resolves to when unset.
 *
 * The pairing depends on whether the parameter has options. The first form type of each entry is
 * what an unset `form_type` becomes. `error` passes schema validation but is never accepted here.
 * Choosing `multi-select` for a `list(string)` parameter makes each option value a plain string
 * (the parameter value stays a JSON list of those strings).
 */
import { goQuote, goFormatStringList } from '../framework/go/quote';

/** Allowed parameter types, in the order the Go provider lists them in messages. */
export const OPTION_TYPES = ['string', 'number', 'bool', 'list(string)'] as const;
export type OptionType = (typeof OPTION_TYPES)[number];

/** Form types the schema accepts, in the order the Go provider lists them in messages. */
export const FORM_TYPES = ['radio', 'slider', 'input', 'dropdown', 'checkbox', 'switch', 'multi-select', 'tag-select', 'textarea', 'error'] as const;
export type FormType = (typeof FORM_TYPES)[number];

interface Allowed {
  readonly withOptions: readonly FormType[];
  readonly withoutOptions: readonly FormType[];
}

const ALLOWED: Readonly<Record<OptionType, Allowed>> = {
  string: { withOptions: ['radio', 'dropdown'], withoutOptions: ['input', 'textarea'] },
  number: { withOptions: ['radio', 'dropdown'], withoutOptions: ['input', 'slider'] },
  bool: { withOptions: ['radio', 'dropdown'], withoutOptions: ['checkbox', 'switch'] },
  'list(string)': { withOptions: ['radio', 'multi-select'], withoutOptions: ['tag-select'] },
};

const isOptionType = (t: string): t is OptionType => (OPTION_TYPES as readonly string[]).includes(t);

export type FormTypeResolution =
  | { readonly ok: true; readonly formType: string; readonly optionType: string }
  | { readonly ok: false; readonly error: string };

/**
 * Resolves `form_type` ("" = unset) for a parameter of `type` with `optionCount` options.
 * On success also returns the type option values must have.
 */
export function resolveFormType(type: string, optionCount: number, formType: string): FormTypeResolution {
  if (!isOptionType(type)) {
    return { ok: false, error: `"type" attribute=${goQuote(type)} is not supported, choose one of ${goFormatStringList([...OPTION_TYPES])}` };
  }
  const hasOptions = optionCount > 0;
  const entry = ALLOWED[type];
  const allowed: readonly string[] = hasOptions ? entry.withOptions : entry.withoutOptions;
  const resolved = formType === '' ? (allowed[0] as string) : formType;
  if (!allowed.includes(resolved)) {
    // Say so when the form type would have been fine with (or without) options.
    const other: readonly string[] = hasOptions ? entry.withoutOptions : entry.withOptions;
    const hint = other.includes(resolved) ? (hasOptions ? ' when options exist' : ' when options do not exist') : '';
    return {
      ok: false,
      error: `"form_type" attribute=${goQuote(resolved)} is not supported for "type"=${goQuote(type)}${hint}, choose one of ${goFormatStringList(allowed)}`,
    };
  }
  const optionType = type === 'list(string)' && resolved === 'multi-select' ? 'string' : type;
  return { ok: true, formType: resolved, optionType };
}
