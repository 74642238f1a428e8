/**
 * The Go provider's form-type test (provider/formtype_test.go, TestValidateFormType): 25 named
 * cases plus one "assumed error" case for every other (form_type, type, options?) combination of
 * the 11 form types ("" included) x 4 types x with/without options: 89 cases in all. Each is run
 * through ValidateDataResourceConfig + ReadDataSource with the config the Go test generates:
 *  - with options and no custom ones: string ["foo"] default "foo"; bool ["true","false"] default
 *    "true"; number ["1"] default "1"; list(string) ['["red", "blue"]'] default the same;
 *  - options are named val_0, val_1, ...;
 *  - named cases other than "defaults" and "list_string_bad_default" set an arbitrary JSON styling.
 */
import { DataSourceDriver, brief, type Partial } from './datasource_harness';
import { resolveFormType, FORM_TYPES, OPTION_TYPES } from '../../../provider/coder/formtype';

interface Check {
  readonly formType: string;
  readonly type: string;
  readonly options: boolean;
  readonly customOptions?: readonly string[];
  readonly defValue?: string;
  readonly styling?: string;
}

interface Case {
  readonly name: string;
  readonly check: Check;
  /** Expected resolved form_type; absent for error cases. */
  readonly expectFormType?: string;
  readonly expectStyling?: string;
  /** The Go test's ExpectError pattern. */
  readonly goError?: string;
}

const ARBITRARY_STYLING = JSON.stringify({ disabled: true, foo: 'bar', nested: { foo: 'bar' } });
const key = (c: Check): string => `${c.formType}_${c.type}_${c.options}`;

const expectType = (expected: string, check: Omit<Check, 'styling'>): Case => ({
  name: `${check.formType || 'default'}_${check.type}_${check.options}`,
  check: { ...check, styling: ARBITRARY_STYLING },
  expectFormType: expected,
  expectStyling: ARBITRARY_STYLING,
});
const expectSame = (check: Omit<Check, 'styling'>): Case => expectType(check.formType, check);

const NAMED: readonly Case[] = [
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

const CASES: readonly Case[] = [...NAMED, ...assumedErrors()];

/** The Go test's createTF: the config and the default it writes. */
function configOf(c: Check): { config: Partial; def: string } {
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

/** The truth table as documented (not the implementation's), to pin the rejection messages. */
const DOC_TABLE: Record<string, [string[], string[]]> = {
  string: [['radio', 'dropdown'], ['input', 'textarea']],
  number: [['radio', 'dropdown'], ['input', 'slider']],
  bool: [['radio', 'dropdown'], ['checkbox', 'switch']],
  'list(string)': [['radio', 'multi-select'], ['tag-select']],
};
function rejection(c: Check): string {
  const [withOpts, withoutOpts] = DOC_TABLE[c.type] as [string[], string[]];
  const allowed = c.options ? withOpts : withoutOpts;
  const other = c.options ? withoutOpts : withOpts;
  const hint = other.includes(c.formType) ? (c.options ? ' when options exist' : ' when options do not exist') : '';
  return `"form_type" attribute="${c.formType}" is not supported for "type"="${c.type}"${hint}, choose one of [${allowed.join(' ')}]`;
}

test('89 cases: 25 named and 64 assumed errors, no duplicates', () => {
  expect(NAMED).toHaveLength(25);
  expect(CASES).toHaveLength(89);
  expect(new Set(CASES.map((c) => c.name)).size).toBe(89);
});

describe.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
  test('resolves or rejects like the Go provider', async () => {
    const { config, def } = configOf(c.check);
    const r = await new DataSourceDriver('coder_parameter').read(config);
    expect(r.validate).toEqual([]);
    if (c.goError === undefined) {
      expect(r.diagnostics).toEqual([]);
      const s = r.state!;
      expect(s.form_type).toBe(c.expectFormType);
      expect(s.type).toBe(c.check.type || 'string');
      expect(JSON.parse(s.styling as string)).toEqual(JSON.parse(c.expectStyling as string));
      expect(s.default ?? '').toBe(def);
      return;
    }
    expect(r.state).toBeNull();
    expect(r.diagnostics).toHaveLength(1);
    const d = r.diagnostics[0]!;
    expect(`${d.summary}: ${d.detail}`).toMatch(c.goError);
    if (c.goError === 'is not supported') {
      expect(brief(r.diagnostics)).toEqual([
        { severity: 'error', summary: 'Invalid form_type for parameter', detail: rejection(c.check), path: [{ attribute: 'form_type' }] },
      ]);
    } else {
      expect(brief(r.diagnostics)).toEqual([
        {
          severity: 'error',
          summary: 'Default values must be a valid option',
          detail: 'Default value "[\\"red\\", \\"yellow\\"]" is not a valid option, values "yellow" are missing from the options',
          path: [{ attribute: 'default' }],
        },
      ]);
    }
  });
});

describe('resolveFormType', () => {
  test('an unknown type (unreachable after schema validation) names the supported ones', () => {
    expect(resolveFormType('map', 0, '')).toEqual({ ok: false, error: '"type" attribute="map" is not supported, choose one of [string number bool list(string)]' });
  });
  test('multi-select makes option values plain strings', () => {
    expect(resolveFormType('list(string)', 2, 'multi-select')).toEqual({ ok: true, formType: 'multi-select', optionType: 'string' });
    expect(resolveFormType('list(string)', 2, 'radio')).toEqual({ ok: true, formType: 'radio', optionType: 'list(string)' });
  });
  test('hints say whether options are the problem', () => {
    expect(resolveFormType('number', 1, 'slider')).toEqual({
      ok: false,
      error: '"form_type" attribute="slider" is not supported for "type"="number" when options exist, choose one of [radio dropdown]',
    });
    expect(resolveFormType('string', 0, 'dropdown')).toEqual({
      ok: false,
      error: '"form_type" attribute="dropdown" is not supported for "type"="string" when options do not exist, choose one of [input textarea]',
    });
    expect(resolveFormType('bool', 0, 'error')).toEqual({
      ok: false,
      error: '"form_type" attribute="error" is not supported for "type"="bool", choose one of [checkbox switch]',
    });
  });
});
