/**
 * The Go provider's form-type cases (provider/formtype_test.go, TestValidateFormType): 25 named
 * cases plus one "assumed error" case for every other (form_type, type, options?) combination of
 * the 11 form types ("" included) x 4 types x with/without options: 89 cases in all, and the config
 * the Go test generates for each (configOf). formtype.test.ts runs them through the provider server;
 * test/parity runs them through real tofu with the Go provider and ours.
 */
import type { Partial } from './datasource_harness';
import { FORM_TYPES, OPTION_TYPES } from '../../../provider/coder/formtype';

export interface Check {
  readonly formType: string;
  readonly type: string;
  readonly options: boolean;
  readonly customOptions?: readonly string[];
  readonly defValue?: string;
  readonly styling?: string;
}

export interface Case {
  readonly name: string;
  readonly check: Check;
  /** Expected resolved form_type; absent for error cases. */
  readonly expectFormType?: string;
  readonly expectStyling?: string;
  /** The Go test's ExpectError pattern. */
  readonly goError?: string;
}

export const ARBITRARY_STYLING = JSON.stringify({ disabled: true, foo: 'bar', nested: { foo: 'bar' } });
const key = (c: Check): string => `${c.formType}_${c.type}_${c.options}`;

const expectType = (expected: string, check: Omit<Check, 'styling'>): Case => ({
  name: `${check.formType || 'default'}_${check.type}_${check.options}`,
  check: { ...check, styling: ARBITRARY_STYLING },
  expectFormType: expected,
  expectStyling: ARBITRARY_STYLING,
});
const expectSame = (check: Omit<Check, 'styling'>): Case => expectType(check.formType, check);

export const NAMED: readonly Case[] = [
  { name: 'defaults', check: { formType: '', type: '', options: false }, expectFormType: 'input', expectStyling: '{}' },
  // Unset form_type: the legacy defaults.
  expectType('radio', { formType: '', type: 'string', options: true }),
  expectType('input', { formType: '', type: 'string', options: false }),
  expectType('radio', { formType: '', type: 'number', options: true }),
  expectType('input', { formType: '', type: 'number', options: false }),
  expectType('radio', { formType: '', type: 'bool', options: true }),
  expectType('checkbox', { formType: '', type: 'bool', options: false }),
  expectType('radio', { formType: '', type: 'list(string)', options: true }),
  expectType('tag-select', { formType: '', type: 'list(string)', options: false }),
  // Explicit form types that are allowed.
  expectSame({ formType: 'dropdown', type: 'string', options: true }),
  expectSame({ formType: 'radio', type: 'string', options: true }),
  expectSame({ formType: 'input', type: 'string', options: false }),
  expectSame({ formType: 'textarea', type: 'string', options: false }),
  expectSame({ formType: 'dropdown', type: 'number', options: true }),
  expectSame({ formType: 'radio', type: 'number', options: true }),
  expectSame({ formType: 'input', type: 'number', options: false }),
  expectSame({ formType: 'slider', type: 'number', options: false }),
  expectSame({ formType: 'radio', type: 'bool', options: true }),
  expectSame({ formType: 'dropdown', type: 'bool', options: true }),
  expectSame({ formType: 'switch', type: 'bool', options: false }),
  expectSame({ formType: 'checkbox', type: 'bool', options: false }),
  expectSame({ formType: 'radio', type: 'list(string)', options: true }),
  expectSame({ formType: 'multi-select', type: 'list(string)', options: true, customOptions: ['red', 'blue', 'green'], defValue: '["red", "blue"]' }),
  expectSame({ formType: 'tag-select', type: 'list(string)', options: false }),
  // options=false, but the custom options are still written: the default is checked against them.
  {
    name: 'list_string_bad_default',
    check: { formType: 'multi-select', type: 'list(string)', options: false, customOptions: ['red', 'blue', 'green'], defValue: '["red", "yellow"]' },
    goError: 'is not a valid option',
  },
];

/** Every remaining combination is expected to be rejected. */
function assumedErrors(): Case[] {
  const done = new Set(NAMED.map((c) => key(c.check)));
  const out: Case[] = [];
  for (const formType of [...FORM_TYPES, '']) {
    for (const type of OPTION_TYPES) {
      for (const options of [false, true]) {
        const check = { formType, type, options };
        if (done.has(key(check))) continue;
        out.push({ name: `${formType || 'default'}_${type}_${options}`, check, goError: 'is not supported' });
      }
    }
  }
  return out;
}

export const CASES: readonly Case[] = [...NAMED, ...assumedErrors()];

/** The Go test's createTF: the config and the default it writes. */
export function configOf(c: Check): { config: Partial; def: string } {
  let options = c.customOptions ?? [];
  let def = '';
  if (c.options && options.length === 0) {
    ({ options, def } = {
      string: { options: ['foo'], def: 'foo' },
      bool: { options: ['true', 'false'], def: 'true' },
      number: { options: ['1'], def: '1' },
      'list(string)': { options: ['["red", "blue"]'], def: '["red", "blue"]' },
    }[c.type as 'string']);
  }
  if (c.defValue) def = c.defValue;
  const config: Partial = { name: 'test_param' };
  if (def !== '') config.default = def;
  if (c.formType !== '') config.form_type = c.formType;
  if (c.type !== '') config.type = c.type;
  if (c.styling !== undefined) config.styling = c.styling;
  if (options.length > 0) config.option = options.map((value, i) => ({ name: `val_${i}`, value }));
  return { config, def };
}
