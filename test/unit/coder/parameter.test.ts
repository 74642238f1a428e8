/**
 * data coder_parameter beyond the enforcement table: schema and validate-phase messages, env var
 * naming and presence, the state it writes, and every message of the option, value and
 * validation-rule checks (cases of the Go provider's TestParameter, TestParameterValidation and
 * TestValueValidatesType, plus the spec's rules).
 */
import { DataSourceDriver, V4_UUID, brief, plain, type Partial as Config } from './datasource_harness';
import { parameterEnvVar, parameterPreviousEnvVar } from '../../../provider/coder/parameter';
import {
  checkValidationRule,
  checkValueType,
  validateParameterInput,
  xerrorsMessageNoArgs,
  type ParameterInput,
  type ValidationRule,
} from '../../../provider/coder/parameter_validation';
import { BigNumber } from '../../../provider/values/value';

const driver = (env: Record<string, string> = {}) => new DataSourceDriver('coder_parameter', env);
const read = (config: Config, env: Record<string, string> = {}) => driver(env).read(config);
const errorsOf = async (config: Config, env: Record<string, string> = {}) => {
  const r = await read(config, env);
  return brief([...r.validate, ...r.diagnostics]);
};
const err = (summary: string, detail?: string, path?: string) => ({
  severity: 'error',
  summary,
  ...(detail !== undefined ? { detail } : {}),
  ...(path ? { path: path.split('.').map((p) => (/^\d+$/.test(p) ? { index: Number(p) } : { attribute: p })) } : {}),
});

describe('environment variables', () => {
  test('names hash the parameter name with SHA-256', () => {
    expect(parameterEnvVar('parameter')).toBe('CODER_PARAMETER_6390361dfdff141a9223d632accf61242133a92d83f2a71be7233bb1cdbacca2');
    expect(parameterEnvVar('Region')).toBe('CODER_PARAMETER_d3a008ef1335692d9d045175ba9ea1dcd39ae48da9e2043a9baabad6c3818c28');
    expect(parameterEnvVar('')).toBe('CODER_PARAMETER_e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855');
    expect(parameterPreviousEnvVar('Region')).toBe('CODER_PARAMETER_PREVIOUS_d3a008ef1335692d9d045175ba9ea1dcd39ae48da9e2043a9baabad6c3818c28');
  });

  test('the input replaces the default', async () => {
    const r = await read({ name: 'Region', default: 'us' }, { [parameterEnvVar('Region')]: 'eu' });
    expect(r.state!.value).toBe('eu');
    expect(r.state!.optional).toBe(true);
  });

  test('an empty input is a value: it replaces the default', async () => {
    const r = await read({ name: 'Region', default: 'us' }, { [parameterEnvVar('Region')]: '' });
    expect(r.diagnostics).toEqual([]);
    expect(r.state!.value).toBe('');
  });

  test('an empty input is checked against options (no "default" path)', async () => {
    expect(await errorsOf({ name: 'R', default: 'a', option: [{ name: 'a', value: 'a' }] }, { [parameterEnvVar('R')]: '' })).toEqual([
      err(
        'Value must be a valid option. The value is empty, did you forget to set it with a default or from user input?',
        'the value "" must be defined as one of options',
      ),
    ]);
  });

  test('the hash is over `name`, case-sensitive, not display_name', async () => {
    const r = await read({ name: 'region', display_name: 'Region' }, { [parameterEnvVar('Region')]: 'x' });
    expect(r.state!.value).toBe('');
  });

  test('an empty previous value skips the monotonic check', async () => {
    const r = await read(
      { name: 'n', type: 'number', default: '1', validation: [{ monotonic: 'increasing' }] },
      { [parameterPreviousEnvVar('n')]: '' },
    );
    expect(r.diagnostics).toEqual([]);
    expect(r.state!.value).toBe('1');
  });

  test('the previous value is compared as an integer', async () => {
    expect(
      await errorsOf({ name: 'n', type: 'number', validation: [{ monotonic: 'decreasing' }] }, { [parameterEnvVar('n')]: '10', [parameterPreviousEnvVar('n')]: '+9' }),
    ).toEqual([err("Invalid parameter value according to 'validation' block", "parameter value '10' must be equal or lower than previous value: 9")]);
  });
});

describe('state', () => {
  test('all fields (the Go FieldsExist case)', async () => {
    const description = '# Select the machine image\nSee the [registry](https://container.registry.blah/namespace) for options.\n';
    const r = await read({
      name: 'region',
      display_name: 'Region',
      type: 'string',
      form_type: 'dropdown',
      description,
      mutable: true,
      icon: '/icon/region.svg',
      default: 'us-east1-a',
      option: [
        { name: 'US Central', value: 'us-central1-a', icon: '/icon/central.svg', description: 'Select for central!' },
        { name: 'US East', value: 'us-east1-a', icon: '/icon/east.svg', description: 'Select for east!' },
      ],
      order: 5,
      ephemeral: true,
    });
    expect(r.validate).toEqual([]);
    expect(r.diagnostics).toEqual([]);
    const s = plain(r.state!) as Record<string, unknown>;
    expect(s.id).toMatch(V4_UUID);
    expect({ ...s, id: 'ID' }).toEqual({
      id: 'ID',
      name: 'region',
      display_name: 'Region',
      description,
      type: 'string',
      form_type: 'dropdown',
      styling: '{}',
      mutable: true,
      icon: '/icon/region.svg',
      default: 'us-east1-a',
      option: [
        { name: 'US Central', value: 'us-central1-a', icon: '/icon/central.svg', description: 'Select for central!' },
        { name: 'US East', value: 'us-east1-a', icon: '/icon/east.svg', description: 'Select for east!' },
      ],
      order: 5,
      ephemeral: true,
      optional: true,
      value: 'us-east1-a',
      validation: [],
    });
  });

  test('minimal: defaults filled, form_type resolved, validation an empty list, option null', async () => {
    const r = await read({ name: 'Region' });
    expect({ ...(plain(r.state!) as object), id: 'ID' }).toEqual({
      id: 'ID',
      name: 'Region',
      display_name: null,
      description: null,
      type: 'string',
      form_type: 'input',
      styling: '{}',
      mutable: false,
      icon: null,
      default: null,
      option: null,
      order: null,
      ephemeral: false,
      optional: false,
      value: '',
      validation: [],
    });
  });

  test('top-level strings configured as "" come back null (Go SDK); Read-set ones stay ""', async () => {
    const r = await read({ name: 'R', default: '', description: '', display_name: '', icon: '', styling: '', option: [{ name: 'a', value: '', description: '' }], validation: [{ error: '' }] });
    expect(r.diagnostics).toEqual([]);
    const s = r.state!;
    expect([s.default, s.description, s.display_name, s.icon, s.styling]).toEqual([null, null, null, null, null]);
    expect(s.optional).toBe(true);
    expect(s.value).toBe('');
    expect(plain(s.option)).toEqual([{ name: 'a', value: '', description: '', icon: '' }]);
    expect((s.validation as Record<string, unknown>[])[0]!.error).toBe('');
  });

  test('a fresh random ID on every read', async () => {
    const d = driver();
    const a = await d.read({ name: 'x' });
    const b = await d.read({ name: 'x' });
    expect(a.state!.id).toMatch(V4_UUID);
    expect(a.state!.id).not.toBe(b.state!.id);
  });

  test.each([
    ['absent', {}, false],
    ['null', { default: null }, false],
    ['""', { default: '' }, true],
    ['"us-east-1"', { default: 'us-east-1' }, true],
  ])('default %s → optional %s', async (_l, extra, optional) => {
    const r = await read({ name: 'Region', type: 'string', ...extra });
    expect(r.state!.optional).toBe(optional);
  });

  test.each([
    ['min and max', { min: 1, max: 5 }, { min: 1, max: 5, min_disabled: false, max_disabled: false }],
    ['max only', { max: 9 }, { min: 0, max: 9, min_disabled: true, max_disabled: false }],
    ['max 0', { max: 0 }, { min: 0, max: 0, min_disabled: true, max_disabled: false }],
    ['min only', { min: 1 }, { min: 1, max: 0, min_disabled: false, max_disabled: true }],
    ['min 0', { min: 0 }, { min: 0, max: 0, min_disabled: false, max_disabled: true }],
    ['both 0', { min: 0, max: 0 }, { min: 0, max: 0, min_disabled: false, max_disabled: false }],
    ['neither', {}, { min: 0, max: 0, min_disabled: true, max_disabled: true }],
  ])('validation written back with all seven fields: %s', async (_l, rule, flags) => {
    const r = await read({ name: 'Region', type: 'number', default: String(flags.min), validation: [rule] });
    expect(r.diagnostics).toEqual([]);
    expect(plain(r.state!.validation)).toEqual([{ monotonic: '', regex: '', error: '', ...flags }]);
  });

  test('validation strings are echoed', async () => {
    const r = await read({ name: 'R', type: 'number', default: '1', validation: [{ monotonic: 'increasing', error: 'no' }] });
    expect(plain(r.state!.validation)).toEqual([{ min: 0, max: 0, min_disabled: true, max_disabled: true, monotonic: 'increasing', regex: '', error: 'no' }]);
  });

  test('a big min is written back exactly', async () => {
    const big = new BigNumber('9007199254740993');
    const r = await read({ name: 'R', type: 'number', default: '9007199254740993', validation: [{ min: big }] });
    expect(r.diagnostics).toEqual([]);
    expect(String((r.state!.validation as Record<string, unknown>[])[0]!.min)).toBe('9007199254740993');
  });

  test('numbers and bools given to string attributes arrive as strings (Terraform converts them)', async () => {
    const r = await read({ name: 'R', type: 'number', default: '-1', validation: [{ max: 0 }] });
    expect(r.state!.value).toBe('-1');
  });

  test('1024 options are kept in order', async () => {
    const option = Array.from({ length: 1024 }, (_, i) => ({ name: String(i), value: String(i) }));
    const r = await read({ name: 'Region', type: 'string', option });
    expect(r.diagnostics).toEqual([]);
    const got = r.state!.option as Record<string, unknown>[];
    expect(got).toHaveLength(1024);
    got.forEach((o, i) => {
      expect(o.name).toBe(String(i));
      expect(o.value).toBe(String(i));
    });
  });

  test('list(string) default is kept as written', async () => {
    const def = JSON.stringify(['us-east-1', 'eu-west-1', 'ap-northeast-1']);
    const r = await read({ name: 'Region', type: 'list(string)', default: def });
    expect(r.state!.default).toBe(def);
    expect(r.state!.value).toBe(def);
    expect(r.state!.form_type).toBe('tag-select');
  });
});

describe('validate phase', () => {
  const validate = async (config: Config) => brief(await driver().validate(config));

  test('type must be one of the four', async () => {
    expect(await validate({ name: 'R', type: 'list(number)' })).toEqual([
      err('expected type to be one of ["string" "number" "bool" "list(string)"], got list(number)', undefined, 'type'),
    ]);
    expect(await validate({ name: 'R', type: 'String' })).toHaveLength(1);
  });

  test('form_type must be one of the ten, and "" written out is rejected', async () => {
    const msg = (v: string) =>
      `expected form_type to be one of ["radio" "slider" "input" "dropdown" "checkbox" "switch" "multi-select" "tag-select" "textarea" "error"], got ${v}`;
    expect(await validate({ name: 'R', form_type: 'select' })).toEqual([err(msg('select'), undefined, 'form_type')]);
    expect(await validate({ name: 'R', form_type: '' })).toEqual([err(msg(''), undefined, 'form_type')]);
    expect(await validate({ name: 'R', form_type: 'error' })).toEqual([]);
  });

  test('icon and option icons must parse as URLs', async () => {
    expect(await validate({ name: 'R', icon: '/icon%.svg' })).toEqual([err('parse "/icon%.svg": invalid URL escape "%.s"', undefined, 'icon')]);
    expect(await validate({ name: 'R', option: [{ name: '1', value: '1', icon: '/icon%.svg', description: 'Something!' }] })).toEqual([
      err('parse "/icon%.svg": invalid URL escape "%.s"', undefined, 'option.0.icon'),
    ]);
  });

  test('regex conflicts with min, max and monotonic; only the first conflict is reported', async () => {
    const conflict = (other: string) => ({
      severity: 'error',
      summary: 'Conflicting configuration arguments',
      detail: `"validation.0.regex": conflicts with validation.0.${other}`,
      path: [{ attribute: 'validation' }, { index: 0 }, { attribute: 'regex' }],
    });
    expect(await validate({ name: 'R', validation: [{ regex: 'a', min: 1 }] })).toEqual([conflict('min')]);
    expect(await validate({ name: 'R', validation: [{ regex: 'a', max: 0 }] })).toEqual([conflict('max')]);
    expect(await validate({ name: 'R', validation: [{ regex: 'a', monotonic: 'increasing' }] })).toEqual([conflict('monotonic')]);
    expect(await validate({ name: 'R', validation: [{ regex: 'a', min: 1, max: 2, monotonic: 'x' }] })).toEqual([conflict('min')]);
  });

  test('order, min and max must be whole numbers', async () => {
    expect(await validate({ name: 'R', order: 1.5 })).toEqual([err('Attribute must be a whole number, got 1.5', undefined, 'order')]);
    expect(await validate({ name: 'R', validation: [{ min: 0.5 }] })).toEqual([err('Attribute must be a whole number, got 0.5', undefined, 'validation.0.min')]);
    expect(await validate({ name: 'R', validation: [{ max: 1e20 }] })).toEqual([err('Attribute must be a whole number, got 1e+20', undefined, 'validation.0.max')]);
  });

  test('at most one validation block', async () => {
    expect(await validate({ name: 'R', validation: [{}, {}] })).toEqual([
      err('Too many list items', 'Attribute validation supports 1 item maximum, but config has 2 declared.', 'validation'),
    ]);
  });

  test('the computed members cannot be configured; name is required', async () => {
    expect((await validate({ name: 'R', value: 'x' }))[0]!.summary).toBe('Value for unconfigurable attribute');
    expect(await validate({})).toEqual([err('Missing required argument', 'The argument "name" is required, but no definition was found.', 'name')]);
  });

  test('anything goes for name, monotonic and styling at validate time', async () => {
    expect(await validate({ name: '', styling: 'not json', validation: [{ monotonic: 'sideways' }] })).toEqual([]);
  });
});

describe('Read errors', () => {
  test('immutable and ephemeral', async () => {
    expect(await errorsOf({ name: 'R', type: 'string', default: 'abc', mutable: false, ephemeral: true })).toEqual([err("parameter can't be immutable and ephemeral")]);
  });

  test('ephemeral without a default', async () => {
    expect(await errorsOf({ name: 'R', type: 'string', mutable: true, ephemeral: true })).toEqual([err('ephemeral parameter requires the default property')]);
  });

  test('immutability is checked before the default', async () => {
    expect(await errorsOf({ name: 'R', ephemeral: true })).toEqual([err("parameter can't be immutable and ephemeral")]);
  });

  test('form type before options', async () => {
    expect(
      await errorsOf({ name: 'R', type: 'number', form_type: 'slider', option: [{ name: 'a', value: 'x' }, { name: 'a', value: 'y' }] }),
    ).toEqual([
      err(
        'Invalid form_type for parameter',
        '"form_type" attribute="slider" is not supported for "type"="number" when options exist, choose one of [radio dropdown]',
        'form_type',
      ),
    ]);
  });

  test('duplicate names, then duplicate values', async () => {
    expect(await errorsOf({ name: 'R', option: [{ name: '1', value: '1' }, { name: '1', value: '2' }] })).toEqual([
      err('Option names must be unique.', 'multiple options found with the same name "1"'),
    ]);
    expect(await errorsOf({ name: 'R', option: [{ name: '1', value: '1' }, { name: '2', value: '1' }] })).toEqual([
      err('Option values must be unique.', 'multiple options found with the same value "1"'),
    ]);
  });

  test('every mistyped option is reported; a mistyped option is not remembered for duplicates', async () => {
    expect(
      await errorsOf({
        name: 'R',
        type: 'bool',
        option: [
          { name: '1', value: '1' },
          { name: '2', value: '2' },
          { name: '3', value: 'yes' },
          { name: '3', value: 'no' },
        ],
      }),
    ).toEqual([
      err('Option "2" with value="2" is not of type "bool"', '"2" is not a bool'),
      err('Option "3" with value="yes" is not of type "bool"', '"yes" is not a bool'),
      err('Option "3" with value="no" is not of type "bool"', '"no" is not a bool'),
    ]);
  });

  test('a duplicate after a type error stops the loop', async () => {
    expect(
      await errorsOf({
        name: 'R',
        type: 'number',
        option: [
          { name: 'a', value: 'x' },
          { name: 'b', value: '1' },
          { name: 'b', value: '2' },
        ],
      }),
    ).toEqual([err('Option names must be unique.', 'multiple options found with the same name "b"')]);
  });

  test('default not an option', async () => {
    expect(await errorsOf({ name: 'R', default: 'hi', option: [{ name: '1', value: '1' }, { name: '2', value: '2' }] })).toEqual([
      err('Default value must be a valid option', 'the value "hi" must be defined as one of options', 'default'),
    ]);
  });

  test('options are compared byte for byte (1 is not 1.0)', async () => {
    expect(await errorsOf({ name: 'R', type: 'number', default: '1.0', option: [{ name: 'one', value: '1' }] })).toEqual([
      err('Default value must be a valid option', 'the value "1.0" must be defined as one of options', 'default'),
    ]);
  });

  test('without a value, options are not checked unless there is a validation block', async () => {
    const r = await read({ name: 'R', option: [{ name: '1', value: '1' }] });
    expect(r.diagnostics).toEqual([]);
    expect(r.state!.value).toBe('');
    expect(r.state!.form_type).toBe('radio');
  });

  test('the type is checked last', async () => {
    expect(await errorsOf({ name: 'R', type: 'number', default: 'true' })).toEqual([err('Parameter value is not of type "number"', '"true" is not a number')]);
    expect(await errorsOf({ name: 'R', type: 'bool', default: '5' })).toEqual([err('Parameter value is not of type "bool"', '"5" is not a bool')]);
  });

  test('an empty validation block forces checks on ""', async () => {
    expect(await errorsOf({ name: 'R', type: 'bool', validation: [{}] })).toEqual([
      err("Invalid parameter value according to 'validation' block", 'boolean value can be either "true" or "false"'),
    ]);
    expect(await errorsOf({ name: 'R', type: 'number', validation: [{}] })).toEqual([
      err("Invalid parameter value according to 'validation' block", 'value "" is not a number'),
    ]);
    expect(await errorsOf({ name: 'R', type: 'list(string)', validation: [{}] })).toEqual([
      err("Invalid parameter value according to 'validation' block", 'value "" is not valid list of strings'),
    ]);
    const r = await read({ name: 'R', type: 'string', validation: [{}] });
    expect(r.diagnostics).toEqual([]);
    expect(r.state!.value).toBe('');
  });

  test('bool validation is stricter than the bool type', async () => {
    expect(await errorsOf({ name: 'R', type: 'bool', default: 'True', validation: [{}] })).toEqual([
      err("Invalid parameter default value according to 'validation' block", 'boolean value can be either "true" or "false"', 'default'),
    ]);
    expect((await read({ name: 'R', type: 'bool', default: 'True' })).state!.value).toBe('True');
  });

  test('option values still go through the validation block', async () => {
    expect(await errorsOf({ name: 'R', type: 'number', default: '1', option: [{ name: '1', value: '1' }], validation: [{ regex: '1', error: 'Not 1' }] })).toEqual([
      err("Invalid parameter default value according to 'validation' block", 'a regex cannot be specified for a number type', 'default'),
    ]);
    expect(
      await errorsOf({ name: 'R', type: 'string', default: '1', option: [{ name: '1', value: '1' }], validation: [{ monotonic: 'increasing' }] }),
    ).toEqual([
      err("Invalid parameter default value according to 'validation' block", 'monotonic validation can only be specified for number types, not string types', 'default'),
    ]);
  });

  test('min/max on a bool', async () => {
    expect(await errorsOf({ name: 'R', type: 'bool', default: 'true', validation: [{ min: 7 }] })).toEqual([
      err("Invalid parameter default value according to 'validation' block", 'a min cannot be specified for a bool type', 'default'),
    ]);
    expect(await errorsOf({ name: 'R', type: 'string', default: 'x', validation: [{ max: 0 }] })).toEqual([
      err("Invalid parameter default value according to 'validation' block", 'a max cannot be specified for a string type', 'default'),
    ]);
  });

  test('number bounds', async () => {
    expect(await errorsOf({ name: 'R', type: 'number', default: '5', validation: [{ min: 7 }] })).toEqual([
      err("Invalid parameter default value according to 'validation' block", 'value 5 is less than the minimum 7', 'default'),
    ]);
    expect(await errorsOf({ name: 'R', type: 'number', default: '5', validation: [{ max: 3 }] })).toEqual([
      err("Invalid parameter default value according to 'validation' block", 'value 5 is more than the maximum 3', 'default'),
    ]);
    expect(await errorsOf({ name: 'R', type: 'number', default: '8', validation: [{ min: 3, max: 5 }] })).toEqual([
      err("Invalid parameter default value according to 'validation' block", 'value 8 is more than the maximum 5', 'default'),
    ]);
    expect(await errorsOf({ name: 'R', type: 'number', default: '5', validation: [{ max: 3, error: 'foobar' }] })).toEqual([
      err("Invalid parameter default value according to 'validation' block", 'foobar', 'default'),
    ]);
  });

  test('number validation parses integers only, the number type accepts floats', async () => {
    expect((await read({ name: 'R', type: 'number', default: '1.5' })).state!.value).toBe('1.5');
    expect(await errorsOf({ name: 'R', type: 'number', default: '1.5', validation: [{ min: 0 }] })).toEqual([
      err("Invalid parameter default value according to 'validation' block", 'value "1.5" is not a number', 'default'),
    ]);
    expect(await errorsOf({ name: 'R', type: 'number', default: '1e3', validation: [{ min: 0 }] })).toEqual([
      err("Invalid parameter default value according to 'validation' block", 'value "1e3" is not a number', 'default'),
    ]);
    expect((await read({ name: 'R', type: 'number', default: '+007', validation: [{ max: 7 }] })).state!.value).toBe('+007');
  });

  test('monotonicity must be increasing or decreasing (custom error not used)', async () => {
    expect(await errorsOf({ name: 'R', type: 'number', default: '1', validation: [{ min: 0, max: 2, monotonic: 'foobar', error: 'custom' }] })).toEqual([
      err("Invalid parameter default value according to 'validation' block", 'number monotonicity can be either "increasing" or "decreasing"', 'default'),
    ]);
  });

  test('regex: Go RE2 syntax, unanchored, error required, custom text not templated', async () => {
    expect(await errorsOf({ name: 'R', default: 'hello', validation: [{ regex: 'hello' }] })).toEqual([
      err("Invalid parameter default value according to 'validation' block", 'an error must be specified with a regex validation', 'default'),
    ]);
    expect(await errorsOf({ name: 'R', default: 'apple', validation: [{ regex: 'banana', error: 'bad fruit {value}' }] })).toEqual([
      err("Invalid parameter default value according to 'validation' block", 'bad fruit {value} (value "apple" does not match "banana")', 'default'),
    ]);
    expect((await read({ name: 'R', default: 'xx-banana-xx', validation: [{ regex: 'banana', error: 'e' }] })).diagnostics).toEqual([]);
    expect((await read({ name: 'R', default: 'Über', validation: [{ regex: '^\\p{Lu}', error: 'e' }] })).diagnostics).toEqual([]);
    expect((await read({ name: 'R', default: 'ABC', validation: [{ regex: '(?i)^abc$', error: 'e' }] })).diagnostics).toEqual([]);
  });

  test('regex compile errors: Go message, formatted regexp is <nil>', async () => {
    expect(await errorsOf({ name: 'R', default: 'x', validation: [{ regex: '(abc', error: 'e' }] })).toEqual([
      err("Invalid parameter default value according to 'validation' block", 'compile regex <nil>: error parsing regexp: missing closing ): `(abc`', 'default'),
    ]);
    expect(await errorsOf({ name: 'R', default: 'x', validation: [{ regex: '(?=x)', error: 'e' }] })).toEqual([
      err("Invalid parameter default value according to 'validation' block", 'compile regex <nil>: error parsing regexp: invalid or unsupported Perl syntax: `(?=`', 'default'),
    ]);
  });

  test('list(string) checks', async () => {
    expect(await errorsOf({ name: 'R', type: 'list(string)', default: 'not-a-list' })).toEqual([
      err('Parameter value is not of type "list(string)"', 'value "not-a-list" is not a valid list of strings'),
    ]);
    expect(await errorsOf({ name: 'R', type: 'list(string)', default: '["first","second","third"', validation: [{}] })).toEqual([
      err("Invalid parameter default value according to 'validation' block", 'value "[\\"first\\",\\"second\\",\\"third\\"" is not valid list of strings', 'default'),
    ]);
    for (const ok of ['[]', 'null', ' ["a", null] ', '["first","second","third"]']) {
      expect((await read({ name: 'R', type: 'list(string)', default: ok, validation: [{}] })).diagnostics).toEqual([]);
    }
    for (const bad of ['[1]', '["a"] x', '{}', '"a"', '']) {
      expect((await read({ name: 'R', type: 'list(string)', default: bad })).diagnostics).toHaveLength(1);
    }
  });

  test('multi-select: elements checked against options, missing ones listed in order with duplicates', async () => {
    const option = ['red', 'blue', 'green'].map((v) => ({ name: v, value: v }));
    expect(
      await errorsOf({ name: 'R', type: 'list(string)', form_type: 'multi-select', option }, { [parameterEnvVar('R')]: '["red", "yellow", "black", "yellow"]' }),
    ).toEqual([
      err(
        'Values must be a valid option',
        'Value "[\\"red\\", \\"yellow\\", \\"black\\", \\"yellow\\"]" is not a valid option, values "yellow, black, yellow" are missing from the options',
      ),
    ]);
    const r = await read({ name: 'R', type: 'list(string)', form_type: 'multi-select', option, default: '[]' });
    expect(r.diagnostics).toEqual([]);
    expect(r.state!.value).toBe('[]');
  });
});

describe('custom error rendering', () => {
  const fails = async (error: string, value: string, rule: Config = {}) => {
    const r = await read({ name: 'R', type: 'number', validation: [{ error, ...rule }] }, { [parameterEnvVar('R')]: value });
    return r.diagnostics.map((d) => d.detail);
  };

  test('placeholders: unset min/max render 0; one pass, no re-scan', async () => {
    expect(await fails('{min} < {value} < {max}', '', { min: 1, max: 10 })).toEqual(['1 <  < 10']);
    expect(await fails('{min}..{max}', 'x')).toEqual(['0..0']);
    expect(await fails('got {value}', '{min}')).toEqual(['got {min}']);
    expect(await fails('{{min}}{max', '3', { min: 5 })).toEqual(['{5}{max']);
  });

  test('the text then goes through printf with no arguments', async () => {
    expect(await fails('100%% sure, %d left', 'x')).toEqual(['100% sure, %!d(MISSING) left']);
    expect(await fails('trailing %', 'x')).toEqual(['trailing %!(NOVERB)']);
    expect(await fails('value {value}', '5%s', { max: 1 })).toEqual(['value 5%!s(MISSING)']);
  });

  test('a %w anywhere but at the end wraps the message', async () => {
    expect(await fails('bad %w value', 'x')).toEqual(['%!w(bad %!v(MISSING) value)']);
    expect(await fails('bad: %w', 'x')).toEqual(['bad: %!w(MISSING)']);
  });
});

describe('pure helpers', () => {
  const rule = (r: Readonly<Partial<ValidationRule>> = {}): ValidationRule => ({
    min: 0n,
    minDisabled: true,
    max: 0n,
    maxDisabled: true,
    monotonic: '',
    regex: '',
    error: '',
    ...r,
  });

  // TestValueValidatesType
  test.each([
    ['StringWithMin', 'string', '', undefined, rule({ min: 1n, minDisabled: false }), 'a min cannot be specified for a string type'],
    ['StringWithMax', 'string', '', undefined, rule({ max: 1n, maxDisabled: false }), 'a max cannot be specified for a string type'],
    ['NonStringWithRegex', 'number', '', undefined, rule({ minDisabled: false, maxDisabled: false, regex: 'banana' }), 'a regex cannot be specified for a number type'],
    ['Bool', 'bool', 'true', undefined, rule(), undefined],
    ['InvalidNumber', 'number', 'hi', undefined, rule({ minDisabled: false, maxDisabled: false }), 'value "hi" is not a number'],
    ['NumberBelowMin', 'number', '0', undefined, rule({ min: 1n, minDisabled: false }), 'value 0 is less than the minimum 1'],
    ['NumberAboveMax', 'number', '2', undefined, rule({ max: 1n, maxDisabled: false }), 'value 2 is more than the maximum 1'],
    ['InvalidBool', 'bool', 'cat', undefined, rule(), 'boolean value can be either "true" or "false"'],
    ['BadStringWithRegex', 'string', 'apple', undefined, rule({ regex: 'banana', error: 'bad fruit' }), 'bad fruit (value "apple" does not match "banana")'],
    ['InvalidMonotonicity', 'number', '1', undefined, rule({ max: 2n, minDisabled: false, maxDisabled: false, monotonic: 'foobar' }), 'number monotonicity can be either "increasing" or "decreasing"'],
    ['IncreasingMonotonicity', 'number', '1', undefined, rule({ max: 2n, minDisabled: false, maxDisabled: false, monotonic: 'increasing' }), undefined],
    ['DecreasingMonotonicity', 'number', '1', undefined, rule({ max: 2n, minDisabled: false, maxDisabled: false, monotonic: 'decreasing' }), undefined],
    ['IncreasingMonotonicityEqual', 'number', '1', '1', rule({ monotonic: 'increasing' }), undefined],
    ['DecreasingMonotonicityEqual', 'number', '1', '1', rule({ monotonic: 'decreasing' }), undefined],
    ['IncreasingMonotonicityGreater', 'number', '1', '0', rule({ monotonic: 'increasing' }), undefined],
    ['DecreasingMonotonicityGreater', 'number', '1', '0', rule({ monotonic: 'decreasing' }), "parameter value '1' must be equal or lower than previous value: 0"],
    ['IncreasingMonotonicityLesser', 'number', '1', '2', rule({ monotonic: 'increasing' }), "parameter value '1' must be equal or greater than previous value: 2"],
    ['DecreasingMonotonicityLesser', 'number', '1', '2', rule({ monotonic: 'decreasing' }), undefined],
    ['ValidListOfStrings', 'list(string)', '["first","second","third"]', undefined, rule(), undefined],
    ['InvalidListOfStrings', 'list(string)', '["first","second","third"', undefined, rule(), 'value "[\\"first\\",\\"second\\",\\"third\\"" is not valid list of strings'],
    ['EmptyListOfStrings', 'list(string)', '[]', undefined, rule(), undefined],
  ] as const)('%s', (_name, type, value, previous, r, expected) => {
    expect(checkValidationRule(r, type, value, previous)).toBe(expected);
  });

  const param = (p: Readonly<Partial<ParameterInput>>): ParameterInput => ({ type: 'string', formType: '', default: null, options: [], validation: [], ...p });
  const opts = (...vals: string[]) => vals.map((v) => ({ name: v, value: v, description: '', icon: '' }));

  // TestParameterValidation (value given as input)
  test.each([
    ['ValidStringParameter', param({}), 'alpha', undefined],
    ['InvalidFormType', param({ options: opts('alpha', 'bravo', 'charlie'), formType: 'slider' }), 'alpha', 'Invalid form_type for parameter'],
    ['NotInOptions', param({ options: opts('alpha', 'bravo', 'charlie') }), 'delta', 'Value must be a valid option'],
    ['NumberNotInOptions', param({ type: 'number', options: opts('1', '2', '3') }), '0', 'Value must be a valid option'],
    ['NonUniqueOptionNames', param({ options: opts('alpha', 'alpha') }), 'alpha', 'Option names must be unique.'],
    [
      'NonUniqueOptionValues',
      param({ options: [{ name: 'Alpha', value: 'alpha', description: '', icon: '' }, { name: 'AlphaAgain', value: 'alpha', description: '', icon: '' }] }),
      'alpha',
      'Option values must be unique.',
    ],
    ['IncorrectValueTypeOption', param({ type: 'number', options: opts('not-a-number') }), '5', 'Option "not-a-number" with value="not-a-number" is not of type "number"'],
    ['IncorrectValueType', param({ type: 'number' }), 'not-a-number', 'Parameter value is not of type "number"'],
    ['NotListStringDefault', param({ type: 'list(string)', default: 'not-a-list' }), '', 'Parameter value is not of type "list(string)"'],
    ['NotListStringValue', param({ type: 'list(string)' }), 'not-a-list', 'Parameter value is not of type "list(string)"'],
    [
      'DefaultListStringNotInOptions',
      param({ type: 'list(string)', default: '["red", "yellow", "black"]', options: opts('red', 'blue', 'green'), formType: 'multi-select' }),
      '["red", "yellow", "black"]',
      'Values must be a valid option',
    ],
    ['InvalidMinimum', param({ type: 'number', default: '5', validation: [rule({ min: 10n, minDisabled: false, error: 'must be greater than 10' })] }), '', 'Invalid parameter value according to \'validation\' block'],
  ] as const)('%s', (_name, p, value, summary) => {
    const r = validateParameterInput(p, value, undefined);
    if (summary === undefined) expect(r).toEqual({ ok: true, value, formType: 'input' });
    else {
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.diagnostics[0]!.summary).toBe(summary);
    }
  });

  test('checkValueType follows Go strconv', () => {
    // Go's ParseFloat takes digit-separating underscores even without a base prefix (checked
    // with Go 1.26; the spec says otherwise).
    for (const n of ['1', '-1.5e3', '0x1p-2', 'inf', '-Infinity', 'NaN', '1_000', '1_0.5', '.5']) expect(checkValueType('number', n)).toBeUndefined();
    for (const n of ['', ' 1', '1e400', '1__000', '_1', '1_', 'one']) expect(checkValueType('number', n)).toBe(`${JSON.stringify(n)} is not a number`);
    for (const b of ['1', 't', 'T', 'TRUE', 'true', 'True', '0', 'f', 'F', 'FALSE', 'false', 'False']) expect(checkValueType('bool', b)).toBeUndefined();
    for (const b of ['yes', 'tRUE', '']) expect(checkValueType('bool', b)).toBe(`${JSON.stringify(b)} is not a bool`);
    expect(checkValueType('string', 'anything')).toBeUndefined();
  });

  test('xerrorsMessageNoArgs', () => {
    expect(xerrorsMessageNoArgs('plain')).toBe('plain');
    expect(xerrorsMessageNoArgs('a %s b')).toBe('a %!s(MISSING) b');
    expect(xerrorsMessageNoArgs('x: %s')).toBe('x: %!s(MISSING)');
    expect(xerrorsMessageNoArgs('x: %w')).toBe('x: %!w(MISSING)');
    expect(xerrorsMessageNoArgs('%w then: %s')).toBe('%!w(%!v(MISSING) then: %!s(MISSING))');
    expect(xerrorsMessageNoArgs('%w and %w')).toBe('%!w(%!v(MISSING) and %!v(MISSING))');
    expect(xerrorsMessageNoArgs('%5.2w!')).toBe('%!w(%!v(MISSING)!)');
    expect(xerrorsMessageNoArgs('100%%w')).toBe('100%w');
  });
});
