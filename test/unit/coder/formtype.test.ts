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
import { DataSourceDriver, brief } from './datasource_harness';
import { resolveFormType } from '../../../provider/coder/formtype';
import { CASES, NAMED, configOf, type Check } from './formtype_cases';

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
