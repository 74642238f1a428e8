/**
 * The Go provider's parameter enforcement table (provider/testdata/parameter_table.md, run by
 * TestParameterValidationEnforcement): 83 rows, 86 cases once rows listing two types are expanded.
 * Every case is rebuilt here in our own format; parameter_table.test.ts runs them through
 * ValidateDataResourceConfig + ReadDataSource and test/e2e/datasources-parity.test.ts through real
 * tofu with both providers. The user's value and the previous value go in CODER_PARAMETER_* vars.
 *
 * Conventions carried over from the Go test, so the cases mean the same thing:
 *  - the parameter is called "parameter"; an empty input/previous/default cell means "not set";
 *  - options are split on "," without trimming (so ` ["b"]` keeps its leading space) and each
 *    option's name equals its value;
 *  - a min/max rule carries error "{min} < {value} < {max}", a monotonic rule error
 *    "monotonicity", a regex rule error "regex error";
 *  - `multi-select` / `tag-select` mean type list(string) with that form_type.
 * Where the Go test only matches a regexp (`goMatch`), we also pin the exact diagnostic.
 */
import type { Partial } from './datasource_harness';
import { parameterEnvVar, parameterPreviousEnvVar } from '../../../provider/coder/parameter';

export type Rule = { mono: 'increasing' | 'decreasing' } | { min?: number; max?: number } | { regex: string };

export interface Expected {
  readonly value?: string;
  readonly optional?: boolean;
  readonly summary?: string;
  readonly detail?: string;
  /** The diagnostic points at `default` (the value came from the default). */
  readonly atDefault?: boolean;
  /** The Go test's ExpectError pattern; must match "summary: detail". */
  readonly goMatch?: string;
}

export interface Row {
  readonly name: string;
  readonly types: readonly string[];
  readonly previous?: string;
  readonly input?: string;
  readonly default?: string;
  readonly options?: string;
  readonly rule?: Rule;
  readonly expect: Expected;
}

const VALUE_RULE = "Invalid parameter value according to 'validation' block";
const DEFAULT_RULE = "Invalid parameter default value according to 'validation' block";
const EMPTY_NOT_OPTION = 'Value must be a valid option. The value is empty, did you forget to set it with a default or from user input?';
const ok = (value: string, optional: boolean): Expected => ({ value, optional });
const notOption = (v: string, atDefault = false): Expected => ({
  summary: `${atDefault ? 'Default value' : 'Value'} must be a valid option`,
  detail: `the value ${JSON.stringify(v)} must be defined as one of options`,
  atDefault,
  goMatch: 'valid option',
});
const ruleFails = (detail: string, atDefault: boolean, goMatch: string): Expected => ({
  summary: atDefault ? DEFAULT_RULE : VALUE_RULE,
  detail,
  atDefault,
  goMatch,
});

export const ROWS: readonly Row[] = [
  // Empty values: no input, no default.
  { name: 'Empty', types: ['string', 'number'], expect: ok('', false) },
  {
    name: 'EmptyDupeOps',
    types: ['string', 'number'],
    options: '1,1,1',
    expect: { summary: 'Option names must be unique.', detail: 'multiple options found with the same name "1"', goMatch: 'unique' },
  },
  { name: 'EmptyList', types: ['list(string)'], expect: ok('', false) },
  {
    name: 'EmptyListDupeOpts',
    types: ['list(string)'],
    options: '["a"],["a"]',
    expect: { summary: 'Option names must be unique.', detail: 'multiple options found with the same name "[\\"a\\"]"', goMatch: 'unique' },
  },
  { name: 'EmptyMulti', types: ['tag-select'], expect: ok('', false) },
  { name: 'EmptyOpts', types: ['string', 'number'], options: '1,2,3', expect: ok('', false) },
  { name: 'EmptyRegex', types: ['string'], rule: { regex: 'world' }, expect: ruleFails('regex error (value "" does not match "world")', false, 'regex error') },
  { name: 'EmptyMin', types: ['number'], rule: { min: 1, max: 10 }, expect: ruleFails('1 <  < 10', false, '1 <  < 10') },
  {
    name: 'EmptyMinOpt',
    types: ['number'],
    options: '1,2,3',
    rule: { min: 2, max: 5 },
    expect: { summary: EMPTY_NOT_OPTION, detail: 'the value "" must be defined as one of options', goMatch: 'valid option' },
  },
  {
    name: 'EmptyRegexOpt',
    types: ['string'],
    options: '"hello","goodbye"',
    rule: { regex: 'goodbye' },
    expect: { summary: EMPTY_NOT_OPTION, detail: 'the value "" must be defined as one of options', goMatch: 'valid option' },
  },
  { name: 'EmptyRegexOk', types: ['string'], rule: { regex: '.*' }, expect: ok('', false) },
  { name: 'EmptyInc', types: ['number'], previous: '4', rule: { mono: 'increasing' }, expect: ruleFails('monotonicity', false, 'monotonicity') },
  { name: 'EmptyDec', types: ['number'], previous: '4', rule: { mono: 'decreasing' }, expect: ruleFails('monotonicity', false, 'monotonicity') },

  // A default, no input.
  { name: 'NumDef', types: ['number'], default: '5', expect: ok('5', true) },
  { name: 'NumDefVal', types: ['number'], default: '5', rule: { min: 3, max: 7 }, expect: ok('5', true) },
  { name: 'NumDefInv', types: ['number'], default: '5', rule: { min: 10 }, expect: ruleFails('10 < 5 < 0', true, '10 < 5 < 0') },
  { name: 'NumDefOpts', types: ['number'], default: '5', options: '1,3,5,7', rule: { min: 2, max: 6 }, expect: ok('5', true) },
  { name: 'NumDefNotOpts', types: ['number'], default: '5', options: '1,3,7,9', rule: { min: 2, max: 6 }, expect: notOption('5', true) },
  { name: 'NumDefInvOpt', types: ['number'], default: '5', options: '1,3,5,7', rule: { min: 6, max: 10 }, expect: ruleFails('6 < 5 < 10', true, '6 < 5 < 10') },
  {
    name: 'NumDefNotNum',
    types: ['number'],
    default: 'a',
    expect: { summary: 'Parameter value is not of type "number"', detail: '"a" is not a number', goMatch: 'type "number"' },
  },
  {
    name: 'NumDefOptsNotNum',
    types: ['number'],
    default: '1',
    options: '1,a,2',
    expect: { summary: 'Option "a" with value="a" is not of type "number"', detail: '"a" is not a number', goMatch: 'type "number"' },
  },
  { name: 'NumDefInc', types: ['number'], previous: '4', default: '5', rule: { mono: 'increasing' }, expect: ok('5', true) },
  {
    name: 'NumDefIncBad',
    types: ['number'],
    previous: '6',
    default: '5',
    rule: { mono: 'increasing' },
    expect: ruleFails("parameter value '5' must be equal or greater than previous value: 6", true, 'greater'),
  },
  { name: 'NumDefDec', types: ['number'], previous: '6', default: '5', rule: { mono: 'decreasing' }, expect: ok('5', true) },
  {
    name: 'NumDefDecBad',
    types: ['number'],
    previous: '4',
    default: '5',
    rule: { mono: 'decreasing' },
    expect: ruleFails("parameter value '5' must be equal or lower than previous value: 4", true, 'lower'),
  },
  { name: 'NumDefDecEq', types: ['number'], previous: '5', default: '5', rule: { mono: 'decreasing' }, expect: ok('5', true) },
  { name: 'NumDefIncEq', types: ['number'], previous: '5', default: '5', rule: { mono: 'increasing' }, expect: ok('5', true) },
  { name: 'NumDefIncNaN', types: ['number'], previous: 'a', default: '5', rule: { mono: 'increasing' }, expect: ok('5', true) },
  { name: 'NumDefDecNaN', types: ['number'], previous: 'b', default: '5', rule: { mono: 'decreasing' }, expect: ok('5', true) },

  { name: 'StrDef', types: ['string'], default: 'hello', expect: ok('hello', true) },
  {
    name: 'StrMonotonicity',
    types: ['string'],
    default: 'hello',
    rule: { mono: 'increasing' },
    expect: ruleFails('monotonic validation can only be specified for number types, not string types', true, 'monotonic'),
  },
  { name: 'StrDefInv', types: ['string'], default: 'hello', rule: { regex: 'world' }, expect: ruleFails('regex error (value "hello" does not match "world")', true, 'regex error') },
  { name: 'StrDefOpts', types: ['string'], default: 'a', options: 'a,b,c', expect: ok('a', true) },
  { name: 'StrDefNotOpts', types: ['string'], default: 'a', options: 'b,c,d', expect: notOption('a', true) },
  { name: 'StrDefValOpts', types: ['string'], default: 'a', options: 'a,b,c,d,e,f', rule: { regex: '[a-c]' }, expect: ok('a', true) },
  {
    name: 'StrDefInvOpt',
    types: ['string'],
    default: 'd',
    options: 'a,b,c,d,e,f',
    rule: { regex: '[a-c]' },
    expect: ruleFails('regex error (value "d" does not match "[a-c]")', true, 'regex error'),
  },

  { name: 'LStrDef', types: ['list(string)'], default: '["a"]', expect: ok('["a"]', true) },
  { name: 'LStrDefOpts', types: ['list(string)'], default: '["a"]', options: '["a"], ["b"]', expect: ok('["a"]', true) },
  { name: 'LStrDefNotOpts', types: ['list(string)'], default: '["a"]', options: '["b"], ["c"]', expect: notOption('["a"]', true) },

  { name: 'MulDef', types: ['tag-select'], default: '["a"]', expect: ok('["a"]', true) },
  { name: 'MulDefOpts', types: ['multi-select'], default: '["a"]', options: 'a,b', expect: ok('["a"]', true) },
  {
    name: 'MulDefNotOpts',
    types: ['multi-select'],
    default: '["a"]',
    options: 'b,c',
    expect: {
      summary: 'Default values must be a valid option',
      detail: 'Default value "[\\"a\\"]" is not a valid option, values "a" are missing from the options',
      atDefault: true,
      goMatch: 'valid option',
    },
  },

  // An input value (the user's choice).
  { name: 'NumIns', types: ['number'], input: '3', expect: ok('3', false) },
  {
    name: 'NumInsOptsNaN',
    types: ['number'],
    input: '3',
    default: '5',
    options: 'a,1,2,3,4,5',
    rule: { min: 1, max: 3 },
    expect: { summary: 'Option "a" with value="a" is not of type "number"', detail: '"a" is not a number', goMatch: 'type "number"' },
  },
  {
    name: 'NumInsNotNum',
    types: ['number'],
    input: 'a',
    expect: { summary: 'Parameter value is not of type "number"', detail: '"a" is not a number', goMatch: 'type "number"' },
  },
  { name: 'NumInsNotNumInv', types: ['number'], input: 'a', rule: { min: 1, max: 3 }, expect: ruleFails('1 < a < 3', false, '1 < a < 3') },
  { name: 'NumInsDef', types: ['number'], input: '3', default: '5', expect: ok('3', true) },
  { name: 'NumIns/DefInv', types: ['number'], input: '3', default: '5', rule: { min: 1, max: 3 }, expect: ok('3', true) },
  { name: 'NumIns=DefInv', types: ['number'], input: '5', default: '5', rule: { min: 1, max: 3 }, expect: ruleFails('1 < 5 < 3', false, '1 < 5 < 3') },
  { name: 'NumInsOpts', types: ['number'], input: '3', default: '5', options: '1,2,3,4,5', rule: { min: 1, max: 3 }, expect: ok('3', true) },
  { name: 'NumInsNotOptsVal', types: ['number'], input: '3', default: '5', options: '1,2,4,5', rule: { min: 1, max: 3 }, expect: notOption('3') },
  // The Go row says optional=true here too, but the error wins: there is no state to check.
  { name: 'NumInsNotOptsInv', types: ['number'], input: '3', default: '5', options: '1,2,4,5', rule: { min: 1, max: 2 }, expect: notOption('3') },
  { name: 'NumInsNotOpts', types: ['number'], input: '3', default: '5', options: '1,2,4,5', expect: notOption('3') },
  { name: 'NumInsNotOpts/NoDef', types: ['number'], input: '3', options: '1,2,4,5', expect: notOption('3') },
  { name: 'NumInsInc', types: ['number'], previous: '4', input: '5', default: '3', rule: { mono: 'increasing' }, expect: ok('5', true) },
  {
    name: 'NumInsIncBad',
    types: ['number'],
    previous: '6',
    input: '5',
    default: '7',
    rule: { mono: 'increasing' },
    expect: ruleFails("parameter value '5' must be equal or greater than previous value: 6", false, 'greater'),
  },
  { name: 'NumInsDec', types: ['number'], previous: '6', input: '5', default: '7', rule: { mono: 'decreasing' }, expect: ok('5', true) },
  {
    name: 'NumInsDecBad',
    types: ['number'],
    previous: '4',
    input: '5',
    default: '3',
    rule: { mono: 'decreasing' },
    expect: ruleFails("parameter value '5' must be equal or lower than previous value: 4", false, 'lower'),
  },
  { name: 'NumInsDecEq', types: ['number'], previous: '5', input: '5', default: '5', rule: { mono: 'decreasing' }, expect: ok('5', true) },
  { name: 'NumInsIncEq', types: ['number'], previous: '5', input: '5', default: '5', rule: { mono: 'increasing' }, expect: ok('5', true) },

  { name: 'StrIns', types: ['string'], input: 'c', expect: ok('c', false) },
  {
    name: 'StrInsDupeOpts',
    types: ['string'],
    input: 'c',
    options: 'a,b,c,c',
    expect: { summary: 'Option names must be unique.', detail: 'multiple options found with the same name "c"', goMatch: 'unique' },
  },
  { name: 'StrInsDef', types: ['string'], input: 'c', default: 'e', expect: ok('c', true) },
  { name: 'StrIns/DefInv', types: ['string'], input: 'c', default: 'e', rule: { regex: '[a-c]' }, expect: ok('c', true) },
  { name: 'StrIns=DefInv', types: ['string'], input: 'e', default: 'e', rule: { regex: '[a-c]' }, expect: ruleFails('regex error (value "e" does not match "[a-c]")', false, 'regex error') },
  { name: 'StrInsOpts', types: ['string'], input: 'c', default: 'e', options: 'a,b,c,d,e', rule: { regex: '[a-c]' }, expect: ok('c', true) },
  { name: 'StrInsNotOptsVal', types: ['string'], input: 'c', default: 'e', options: 'a,b,d,e', rule: { regex: '[a-c]' }, expect: notOption('c') },
  { name: 'StrInsNotOptsInv', types: ['string'], input: 'c', default: 'e', options: 'a,b,d,e', rule: { regex: '[a-b]' }, expect: notOption('c') },
  { name: 'StrInsNotOpts', types: ['string'], input: 'c', default: 'e', options: 'a,b,d,e', expect: notOption('c') },
  { name: 'StrInsNotOpts/NoDef', types: ['string'], input: 'c', options: 'a,b,d,e', expect: notOption('c') },
  {
    name: 'StrInsBadVal',
    types: ['string'],
    input: 'c',
    options: 'a,b,c,d,e',
    rule: { min: 1, max: 10 },
    expect: ruleFails('a min cannot be specified for a string type', false, 'min cannot'),
  },

  { name: 'LStrIns', types: ['list(string)'], input: '["c"]', expect: ok('["c"]', false) },
  {
    name: 'LStrInsNotList',
    types: ['list(string)'],
    input: 'c',
    expect: { summary: 'Parameter value is not of type "list(string)"', detail: 'value "c" is not a valid list of strings', goMatch: 'list of strings' },
  },
  { name: 'LStrInsDef', types: ['list(string)'], input: '["c"]', default: '["e"]', expect: ok('["c"]', true) },
  {
    name: 'LStrIns/DefInv',
    types: ['list(string)'],
    input: '["c"]',
    default: '["e"]',
    rule: { regex: '[a-c]' },
    expect: ruleFails('a regex cannot be specified for a list(string) type', false, 'regex cannot'),
  },
  { name: 'LStrInsOpts', types: ['list(string)'], input: '["c"]', default: '["e"]', options: '["c"],["d"],["e"]', expect: ok('["c"]', true) },
  { name: 'LStrInsNotOpts', types: ['list(string)'], input: '["c"]', default: '["e"]', options: '["d"],["e"]', expect: notOption('["c"]') },
  { name: 'LStrInsNotOpts/NoDef', types: ['list(string)'], input: '["c"]', options: '["d"],["e"]', expect: notOption('["c"]') },

  { name: 'MulInsOpts', types: ['multi-select'], input: '["c"]', default: '["e"]', options: 'c,d,e', expect: ok('["c"]', true) },
  {
    name: 'MulInsNotListOpts',
    types: ['multi-select'],
    input: 'c',
    default: '["e"]',
    options: 'c,d,e',
    expect: {
      summary: 'When using list(string) type, value must be a json encoded list of strings',
      detail: 'value "c" is not a valid list of strings',
      goMatch: 'json encoded',
    },
  },
  {
    name: 'MulInsNotOpts',
    types: ['multi-select'],
    input: '["c"]',
    default: '["e"]',
    options: 'd,e',
    expect: {
      summary: 'Values must be a valid option',
      detail: 'Value "[\\"c\\"]" is not a valid option, values "c" are missing from the options',
      goMatch: 'valid option',
    },
  },
  {
    name: 'MulInsNotOpts/NoDef',
    types: ['multi-select'],
    input: '["c"]',
    options: 'd,e',
    expect: {
      summary: 'Values must be a valid option',
      detail: 'Value "[\\"c\\"]" is not a valid option, values "c" are missing from the options',
      goMatch: 'valid option',
    },
  },
  {
    name: 'MulInsInvOpts',
    types: ['multi-select'],
    input: '["c"]',
    default: '["e"]',
    options: 'c,d,e',
    rule: { regex: '[a-c]' },
    expect: ruleFails('a regex cannot be specified for a list(string) type', false, 'regex cannot'),
  },
];

/** The config the Go test writes for a row and a type (`name` only differs in the e2e test). */
export function tableConfig(row: Row, type: string, name = 'parameter'): Partial {
  const config: Partial = { name };
  if (type === 'multi-select' || type === 'tag-select') {
    config.type = 'list(string)';
    config.form_type = type;
  } else {
    config.type = type;
  }
  if (row.default !== undefined) config.default = row.default;
  if (row.options !== undefined) config.option = row.options.split(',').map((o) => ({ name: o, value: o }));
  if (row.rule) {
    if ('mono' in row.rule) config.validation = [{ monotonic: row.rule.mono, error: 'monotonicity' }];
    else if ('regex' in row.rule) config.validation = [{ regex: row.rule.regex, error: 'regex error' }];
    else {
      const v: Partial = { error: '{min} < {value} < {max}' };
      if (row.rule.min !== undefined) v.min = row.rule.min;
      if (row.rule.max !== undefined) v.max = row.rule.max;
      config.validation = [v];
    }
  }
  return config;
}

export function tableEnv(row: Row, name = 'parameter'): Record<string, string> {
  const env: Record<string, string> = {};
  if (row.input !== undefined) env[parameterEnvVar(name)] = row.input;
  if (row.previous !== undefined) env[parameterPreviousEnvVar(name)] = row.previous;
  return env;
}

export const CASES: readonly (readonly [string, Row, string])[] = ROWS.flatMap((row, i) => row.types.map((t) => [`${i}|${row.name}:${t}`, row, t] as const));

