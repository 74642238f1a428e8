/**
 * Data source parity with the real Go provider, through real OpenTofu: each scenario is one
 * module (many data blocks, each with its own name so CODER_PARAMETER_* variables do not clash)
 * planned with the Go provider and with ours (dist/terraform-provider-coder, `npm run build`).
 * We compare
 *  - every diagnostic of `tofu plan -json` (severity, summary, detail, the data source's address and
 *    the source line it points at, which shows the attribute path), order-insensitively;
 *  - when the plan succeeds, every data source's values and sensitive_values in the plan's
 *    prior_state (`tofu show -json tfplan`), with random v4 UUIDs replaced by a placeholder.
 *
 * The cases reuse the unit tables: all 86 cases of the Go parameter table, all 89 form-type cases,
 * and the preset, tags, provisioner, external auth and task cases.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  E2E_TEST_TIMEOUT_MS,
  createWorkdir,
  init,
  runTofu,
  stateResources,
  type EnvOverlay,
  type Json,
  type ProviderKind,
  coderBuildEnv,
} from './harness';
import { CASES as TABLE_CASES, tableConfig, tableEnv } from '../unit/coder/parameter_cases';

jest.setTimeout(E2E_TEST_TIMEOUT_MS * 2);

// ---------------------------------------------------------------------------------------------
// HCL from plain objects: arrays of objects are nested blocks, objects are map attributes.

type Hcl = string | number | boolean | null | Hcl[] | { [k: string]: Hcl };
type Body = Record<string, Hcl | undefined>;

const hclString = (s: string): string => JSON.stringify(s).replace(/\$\{/g, '$${').replace(/%\{/g, '%%{');

function hclValue(v: Hcl): string {
  if (typeof v === 'string') return hclString(v);
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (v === null) return 'null';
  if (Array.isArray(v)) return `[${v.map(hclValue).join(', ')}]`;
  return `{ ${Object.entries(v)
    .map(([k, x]) => `${hclString(k)} = ${hclValue(x)}`)
    .join(', ')} }`;
}

function hclBody(body: Body, indent: string): string {
  let out = '';
  for (const [k, v] of Object.entries(body)) {
    if (v === undefined) continue;
    if (Array.isArray(v) && v.length > 0 && v.every((e) => e !== null && typeof e === 'object' && !Array.isArray(e))) {
      for (const e of v) out += `${indent}${k} {\n${hclBody(e as Body, `${indent}  `)}${indent}}\n`;
    } else {
      out += `${indent}${k} = ${hclValue(v)}\n`;
    }
  }
  return out;
}

interface Block {
  readonly type: string;
  readonly label: string;
  readonly body: Body;
}

const moduleText = (blocks: readonly Block[]): string =>
  'terraform {\n  required_providers {\n    coder = { source = "coder/coder" }\n  }\n}\n\n' +
  blocks.map((b) => `data "${b.type}" "${b.label}" {\n${hclBody(b.body, '  ')}}\n`).join('\n');

// ---------------------------------------------------------------------------------------------
// Running a scenario with one provider.

interface Outcome {
  readonly diagnostics: string[];
  readonly data: Record<string, unknown>;
}

const V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function normalize(v: Json): Json {
  if (typeof v === 'string') return V4.test(v) ? '<random-v4-uuid>' : v;
  if (Array.isArray(v)) return v.map(normalize);
  if (v && typeof v === 'object') return Object.fromEntries(Object.keys(v).sort().map((k) => [k, normalize(v[k])]));
  return v;
}

async function runScenario(kind: ProviderKind, hcl: string, env: EnvOverlay): Promise<Outcome> {
  const wd = createWorkdir({ provider: kind, files: { 'main.tf': hcl } });
  try {
    await init(wd);
    const plan = await runTofu(wd, ['plan', '-json', '-input=false', '-no-color', '-out=tfplan'], { env });
    const diagnostics: string[] = [];
    for (const line of plan.stdout.split('\n')) {
      if (!line.startsWith('{')) continue;
      const m = JSON.parse(line) as Json;
      if (m.type !== 'diagnostic') continue;
      const d = m.diagnostic;
      diagnostics.push(
        JSON.stringify({ severity: d.severity, summary: d.summary, detail: d.detail ?? '', address: d.address ?? '', line: d.range?.start?.line ?? 0 }),
      );
    }
    diagnostics.sort();
    const data: Record<string, unknown> = {};
    if (plan.code === 0) {
      const show = await runTofu(wd, ['show', '-json', 'tfplan'], { env });
      const json = JSON.parse(show.stdout) as Json;
      for (const r of stateResources({ values: json.prior_state?.values })) {
        data[r.address] = normalize({ values: r.values, sensitive_values: r.sensitive_values });
      }
    } else if (diagnostics.length === 0) {
      throw new Error(`tofu plan failed without diagnostics (${kind}):\n${plan.stderr}`);
    }
    return { diagnostics, data };
  } finally {
    wd.cleanup();
  }
}

interface Scenario {
  readonly name: string;
  readonly blocks: readonly Block[];
  readonly env?: EnvOverlay;
  /** What the Go provider must produce, so a scenario cannot pass by both failing the same way. */
  readonly expect: 'success' | 'errors';
}

async function compare(s: Scenario): Promise<void> {
  const hcl = moduleText(s.blocks);
  const [go, ours] = await Promise.all([runScenario('go', hcl, s.env ?? {}), runScenario('ours', hcl, s.env ?? {})]);
  // PARITY_DUMP=<dir> keeps what both providers produced, for reading when a scenario changes.
  const dump = process.env.PARITY_DUMP;
  if (dump) {
    fs.mkdirSync(dump, { recursive: true });
    const file = path.join(dump, `${s.name.replace(/[^A-Za-z0-9]+/g, '_')}.json`);
    fs.writeFileSync(file, JSON.stringify({ hcl, env: s.env ?? {}, go, ours }, null, 2));
  }
  if (s.expect === 'success') expect(go.diagnostics).toEqual([]);
  else expect(go.diagnostics.length).toBeGreaterThan(0);
  expect(ours.diagnostics).toEqual(go.diagnostics);
  expect(ours.data).toEqual(go.data);
  if (s.expect === 'success') expect(Object.keys(go.data)).toHaveLength(s.blocks.length);
}

// ---------------------------------------------------------------------------------------------
// Scenarios.

const param = (label: string, body: Body): Block => ({ type: 'coder_parameter', label, body });
const envName = (name: string, previous = false): string =>
  `CODER_PARAMETER_${previous ? 'PREVIOUS_' : ''}${createHash('sha256').update(name, 'utf8').digest('hex')}`;

/** The 86 table cases, split by whether the Go test expects an error. */
function tableScenario(errors: boolean): Scenario {
  const blocks: Block[] = [];
  const env: EnvOverlay = {};
  TABLE_CASES.forEach(([, row, type], i) => {
    if ((row.expect.summary !== undefined) !== errors) return;
    const name = `case_${i}`;
    blocks.push(param(name, tableConfig(row, type, name) as Body));
    Object.assign(env, tableEnv(row, name));
  });
  return { name: `parameter table (${errors ? 'error' : 'success'} cases)`, blocks, env, expect: errors ? 'errors' : 'success' };
}

/** The 89 form-type cases (same generator as formtype_test.go), split the same way. */
function formTypeScenario(errors: boolean): Scenario {
  const styling = JSON.stringify({ disabled: true, foo: 'bar', nested: { foo: 'bar' } });
  const defaults: Record<string, [string[], string]> = {
    string: [['foo'], 'foo'],
    bool: [['true', 'false'], 'true'],
    number: [['1'], '1'],
    'list(string)': [['["red", "blue"]'], '["red", "blue"]'],
  };
  const valid: Record<string, [string[], string[]]> = {
    string: [['radio', 'dropdown'], ['input', 'textarea']],
    number: [['radio', 'dropdown'], ['input', 'slider']],
    bool: [['radio', 'dropdown'], ['checkbox', 'switch']],
    'list(string)': [['radio', 'multi-select'], ['tag-select']],
  };
  const blocks: Block[] = [];
  const add = (label: string, formType: string, type: string, options: boolean, extra: { custom?: string[]; def?: string; styling?: string } = {}) => {
    let opts = extra.custom ?? [];
    let def = '';
    if (options && opts.length === 0) [opts, def] = defaults[type] as [string[], string];
    if (extra.def) def = extra.def;
    const body: Body = { name: label };
    if (def !== '') body.default = def;
    if (formType !== '') body.form_type = formType;
    if (type !== '') body.type = type;
    if (extra.styling !== undefined) body.styling = extra.styling;
    if (opts.length > 0) body.option = opts.map((value, i) => ({ name: `val_${i}`, value }));
    blocks.push(param(label, body));
  };
  let n = 0;
  const label = () => `ft_${n++}`;
  if (!errors) {
    add(label(), '', '', false);
    for (const type of Object.keys(valid)) {
      for (const options of [true, false]) {
        add(label(), '', type, options, { styling });
        for (const ft of (valid[type] as [string[], string[]])[options ? 0 : 1]) {
          const custom = ft === 'multi-select' ? { custom: ['red', 'blue', 'green'], def: '["red", "blue"]' } : {};
          add(label(), ft, type, options, { styling, ...custom });
        }
      }
    }
  } else {
    add(label(), 'multi-select', 'list(string)', false, { custom: ['red', 'blue', 'green'], def: '["red", "yellow"]' });
    const all = ['radio', 'slider', 'input', 'dropdown', 'checkbox', 'switch', 'multi-select', 'tag-select', 'textarea', 'error'];
    for (const ft of all) {
      for (const type of Object.keys(valid)) {
        for (const options of [false, true]) {
          if ((valid[type] as [string[], string[]])[options ? 0 : 1].includes(ft)) continue;
          if (ft === 'multi-select' && type === 'list(string)' && !options) continue; // the bad-default case above
          add(label(), ft, type, options);
        }
      }
    }
  }
  return { name: `form types (${errors ? 'error' : 'success'} cases)`, blocks, expect: errors ? 'errors' : 'success' };
}

const SCENARIOS: Scenario[] = [
  tableScenario(false),
  tableScenario(true),
  formTypeScenario(false),
  formTypeScenario(true),
  {
    name: 'parameter: state shapes and inputs',
    expect: 'success',
    env: {
      [envName('empty_input')]: '',
      [envName('from_env')]: 'eu',
      [envName('prev_empty', true)]: '',
      [envName('prev_plus', true)]: '+3',
      [envName('multi')]: '["red","green"]',
    },
    blocks: [
      param('fields', {
        name: 'region',
        display_name: 'Region',
        type: 'string',
        form_type: 'dropdown',
        description: '# Select the machine image\nSee the registry.\n',
        mutable: true,
        icon: '/icon/region.svg',
        default: 'us-east1-a',
        option: [
          { name: 'US Central', value: 'us-central1-a', icon: '/icon/central.svg', description: 'Select for central!' },
          { name: 'US East', value: 'us-east1-a' },
        ],
        order: 5,
        ephemeral: true,
      }),
      param('minimal', { name: 'minimal' }),
      param('default_null', { name: 'default_null', default: null }),
      param('default_empty', { name: 'default_empty', default: '' }),
      param('empty_input', { name: 'empty_input', default: 'us' }),
      param('from_env', { name: 'from_env', default: 'us' }),
      param('v_min_max', { name: 'v_min_max', type: 'number', default: '2', validation: [{ min: 1, max: 5 }] }),
      param('v_max', { name: 'v_max', type: 'number', default: '2', validation: [{ max: 9 }] }),
      param('v_max_zero', { name: 'v_max_zero', type: 'number', default: '-1', validation: [{ max: 0 }] }),
      param('v_min_zero', { name: 'v_min_zero', type: 'number', default: '2', validation: [{ min: 0 }] }),
      param('v_both_zero', { name: 'v_both_zero', type: 'number', default: '0', validation: [{ min: 0, max: 0 }] }),
      param('v_empty_string', { name: 'v_empty_string', validation: [{}] }),
      param('v_mono', {
        name: 'v_mono',
        type: 'number',
        default: '1',
        option: [{ name: 'Small', value: '1' }, { name: 'Medium', value: '2' }],
        validation: [{ monotonic: 'increasing', error: 'no' }],
      }),
      param('prev_empty', { name: 'prev_empty', type: 'number', default: '1', validation: [{ monotonic: 'increasing' }] }),
      param('prev_plus', { name: 'prev_plus', type: 'number', default: '3', validation: [{ monotonic: 'decreasing' }] }),
      param('regex_re2', { name: 'regex_re2', default: 'Über', validation: [{ regex: '^\\p{Lu}', error: 'e' }] }),
      param('regex_flags', { name: 'regex_flags', default: 'ABC', validation: [{ regex: '(?i)^abc$', error: 'e' }] }),
      param('number_forms', { name: 'number_forms', type: 'number', default: '1_000' }),
      param('number_hex', { name: 'number_hex', type: 'number', default: '0x1p-2' }),
      param('bool_loose', { name: 'bool_loose', type: 'bool', default: 'T' }),
      param('list_null', { name: 'list_null', type: 'list(string)', default: 'null' }),
      param('list_json', { name: 'list_json', type: 'list(string)', default: ' ["a", null] ' }),
      param('multi', {
        name: 'multi',
        type: 'list(string)',
        form_type: 'multi-select',
        option: ['red', 'blue', 'green'].map((v) => ({ name: v, value: v })),
      }),
      param('styled', { name: 'styled', styling: 'not json at all' }),
      param('empty_strings', {
        name: 'empty_strings',
        default: '',
        description: '',
        display_name: '',
        icon: '',
        styling: '',
        option: [{ name: 'a', value: '', description: '', icon: '' }],
        validation: [{ error: '', regex: '' }],
      }),
      param('empty_name', { name: '' }),
      param('many', { name: 'many', option: Array.from({ length: 200 }, (_, i) => ({ name: String(i), value: String(i) })) }),
    ],
  },
  {
    name: 'parameter: Read errors',
    expect: 'errors',
    env: { [envName('multi_missing')]: '["red", "yellow", "black", "yellow"]', [envName('empty_opt')]: '' },
    blocks: [
      param('immutable_ephemeral', { name: 'a', default: 'abc', ephemeral: true }),
      param('ephemeral_no_default', { name: 'b', mutable: true, ephemeral: true }),
      param('bad_form', { name: 'c', type: 'number', form_type: 'slider', option: [{ name: 'a', value: 'x' }] }),
      param('dup_names', { name: 'd', option: [{ name: '1', value: '1' }, { name: '1', value: '2' }] }),
      param('dup_values', { name: 'e', option: [{ name: '1', value: '1' }, { name: '2', value: '1' }] }),
      param('bad_types', {
        name: 'f',
        type: 'bool',
        option: [{ name: '1', value: '1' }, { name: '2', value: '2' }, { name: '3', value: 'yes' }, { name: '3', value: 'no' }],
      }),
      param('dup_after_type', { name: 'g', type: 'number', option: [{ name: 'a', value: 'x' }, { name: 'b', value: '1' }, { name: 'b', value: '2' }] }),
      param('one_point_o', { name: 'h', type: 'number', default: '1.0', option: [{ name: 'one', value: '1' }] }),
      param('empty_opt', { name: 'empty_opt', default: 'a', option: [{ name: 'a', value: 'a' }] }),
      param('bool_rule', { name: 'i', type: 'bool', validation: [{}] }),
      param('bool_rule_true', { name: 'j', type: 'bool', default: 'True', validation: [{}] }),
      param('number_rule', { name: 'k', type: 'number', validation: [{}] }),
      param('list_rule', { name: 'l', type: 'list(string)', validation: [{}] }),
      param('float_rule', { name: 'm', type: 'number', default: '1.5', validation: [{ min: 0 }] }),
      param('bad_mono', { name: 'n', type: 'number', default: '1', validation: [{ monotonic: 'foobar', error: 'custom' }] }),
      param('regex_no_error', { name: 'o', default: 'hello', validation: [{ regex: 'hello' }] }),
      param('regex_nomatch', { name: 'p', default: 'apple', validation: [{ regex: 'banana', error: 'bad fruit {value}' }] }),
      param('regex_compile', { name: 'q', default: 'x', validation: [{ regex: '(abc', error: 'e' }] }),
      param('regex_lookahead', { name: 'r', default: 'x', validation: [{ regex: '(?=x)', error: 'e' }] }),
      param('regex_number', { name: 's', type: 'number', default: '1', option: [{ name: '1', value: '1' }], validation: [{ regex: '1', error: 'Not 1' }] }),
      param('min_bool', { name: 't', type: 'bool', default: 'true', validation: [{ min: 7 }] }),
      param('max_string', { name: 'u', default: 'x', validation: [{ max: 0 }] }),
      param('custom_min', { name: 'v', type: 'number', default: '5', validation: [{ min: 10, error: '{min} < {value} < {max}' }] }),
      param('printf', { name: 'w', type: 'number', default: 'x', validation: [{ error: '100%% sure, %d left {value}%s' }] }),
      param('trailing_pct', { name: 'x', type: 'number', default: 'x', validation: [{ error: 'trailing %' }] }),
      param('percent_w', { name: 'y', type: 'number', default: 'x', validation: [{ error: 'bad %w value' }] }),
      param('percent_w_end', { name: 'z', type: 'number', default: 'x', validation: [{ error: 'bad: %w' }] }),
      param('no_rescan', { name: 'aa', type: 'number', default: '{min}', validation: [{ error: 'got {value} {max}' }] }),
      param('not_list', { name: 'bb', type: 'list(string)', default: '["a"] x' }),
      param('multi_missing', { name: 'multi_missing', type: 'list(string)', form_type: 'multi-select', option: ['red', 'blue', 'green'].map((v) => ({ name: v, value: v })) }),
      param('number_underscores', { name: 'cc', type: 'number', default: '1__0' }),
    ],
  },
  {
    name: 'parameter: validate-phase errors',
    expect: 'errors',
    blocks: [
      param('bad_type', { name: 'a', type: 'list(number)' }),
      param('bad_form', { name: 'b', form_type: 'select' }),
      param('empty_form', { name: 'c', form_type: '' }),
      param('bad_icon', { name: 'd', icon: '/icon%.svg' }),
      param('bad_option_icon', { name: 'e', option: [{ name: '1', value: '1', icon: '/icon%.svg' }] }),
      param('regex_min', { name: 'f', validation: [{ regex: 'a', min: 1 }] }),
      param('regex_max', { name: 'g', validation: [{ regex: 'a', max: 0 }] }),
      param('regex_mono', { name: 'h', validation: [{ regex: 'a', monotonic: 'increasing' }] }),
      param('regex_all', { name: 'i', validation: [{ regex: 'a', min: 1, max: 2, monotonic: 'x' }] }),
      param('order_float', { name: 'j', order: 1.5 }),
      param('min_float', { name: 'k', validation: [{ min: 0.5 }] }),
      param('max_huge', { name: 'l', validation: [{ max: 1e20 }] }),
      param('regex_empty_min', { name: 'm', validation: [{ regex: '', min: 1 }] }),
      param('two_rules', { name: 'n', validation: [{ min: 1 }, { max: 2 }] }),
      param('missing_option_value', { name: 'o', option: [{ name: 'a' }] }),
    ],
  },
  {
    name: 'workspace_preset: success',
    expect: 'success',
    blocks: [
      {
        type: 'coder_workspace_preset',
        label: 'happy',
        body: { name: 'preset_1', description: '# Select\nSee it.\n', icon: '/icon/region.svg', parameters: { region: 'us-east1-a' } },
      },
      { type: 'coder_workspace_preset', label: 'bare', body: { name: 'bare' } },
      { type: 'coder_workspace_preset', label: 'empty_params', body: { name: 'empty_params', parameters: {}, description: '', icon: '' } },
      { type: 'coder_workspace_preset', label: 'empty_value', body: { name: 'empty_value', parameters: { x: '' }, default: true } },
      { type: 'coder_workspace_preset', label: 'not_default', body: { name: 'not_default', default: false } },
      { type: 'coder_workspace_preset', label: 'instances', body: { name: 'instances', prebuilds: [{ instances: 1 }] } },
      { type: 'coder_workspace_preset', label: 'ttl', body: { name: 'ttl', prebuilds: [{ instances: 1, expiration_policy: [{ ttl: 86400 }] }] } },
      { type: 'coder_workspace_preset', label: 'ttl0', body: { name: 'ttl0', prebuilds: [{ instances: 0, expiration_policy: [{ ttl: 0 }] }] } },
      {
        type: 'coder_workspace_preset',
        label: 'schedules',
        body: {
          name: 'schedules',
          prebuilds: [
            {
              instances: 2,
              expiration_policy: [{ ttl: 3600 }],
              scheduling: [
                {
                  timezone: 'America/Los_Angeles',
                  schedule: [
                    { cron: '* 8-18 * * 1-5', instances: 3 },
                    { cron: '* 8-14 * * 6', instances: -1 },
                  ],
                },
              ],
            },
          ],
        },
      },
      ...['UTC', '', 'Local', 'US/Eastern', 'Etc/GMT+5', 'EST'].map((tz, i) => ({
        type: 'coder_workspace_preset',
        label: `tz_${i}`,
        body: { name: `tz_${i}`, prebuilds: [{ instances: 1, scheduling: [{ timezone: tz, schedule: [{ cron: '* */2 * jan-mar mon', instances: 1 }] }] }] } as Body,
      })),
      {
        type: 'coder_workspace_preset',
        label: 'disjoint',
        body: {
          name: 'disjoint',
          prebuilds: [{ instances: 1, scheduling: [{ timezone: 'UTC', schedule: [{ cron: '* 9 1-10 * 1', instances: 1 }, { cron: '* 9 20-31 * 2', instances: 1 }] }] }],
        },
      },
    ],
  },
  {
    name: 'workspace_preset: validate-phase errors',
    expect: 'errors',
    blocks: [
      { type: 'coder_workspace_preset', label: 'empty_name', body: { name: '' } },
      { type: 'coder_workspace_preset', label: 'long_description', body: { name: 'a', description: 'é'.repeat(65) } },
      { type: 'coder_workspace_preset', label: 'bad_icon', body: { name: 'b', icon: `/%zz${'a'.repeat(260)}` } },
      { type: 'coder_workspace_preset', label: 'negative_instances', body: { name: 'c', prebuilds: [{ instances: -1 }] } },
      ...[1800, 63072000, 3599, 31536001, -1].map((ttl) => ({
        type: 'coder_workspace_preset',
        label: `ttl_${ttl < 0 ? 'neg' : ttl}`,
        body: { name: `ttl${ttl}`, prebuilds: [{ instances: 1, expiration_policy: [{ ttl }] }] } as Body,
      })),
      ...['InvalidLocation', 'america/new_york', '../etc/passwd', '/etc/localtime'].map((tz, i) => ({
        type: 'coder_workspace_preset',
        label: `bad_tz_${i}`,
        body: { name: `bad_tz_${i}`, prebuilds: [{ instances: 1, scheduling: [{ timezone: tz, schedule: [{ cron: '* 8-18 * * 1-5', instances: 3 }] }] }] } as Body,
      })),
      ...['30 8-18 * * 1-5', '* 8-18 * *', '@daily', '* 25-26 * * 1-5', '* * 0 * *', '* x * * *', '* 1-2-3 * * *', '* */0 * * *', '* 5-3 * * *'].map((cron, i) => ({
        type: 'coder_workspace_preset',
        label: `bad_cron_${i}`,
        body: { name: `bad_cron_${i}`, prebuilds: [{ instances: 1, scheduling: [{ timezone: 'UTC', schedule: [{ cron, instances: 3 }] }] }] } as Body,
      })),
    ],
  },
  {
    name: 'workspace_preset: overlapping schedules',
    expect: 'errors',
    blocks: [
      ['* 8-18 * * 1-5', '* 18-19 * * 5-6'],
      ['* 1 * * *', '* 2 * * *', '* 3 * * *', '* 2 * * *', '* 1 * * *'],
      ['*  9  *  *  *', '* 9 * * *'],
      ['* */2 * * *', '* 3 * * *'],
      ['* 1 * jan *', '* 1 * * *'],
      ['* 1 ? * *', '* 1 * * *'],
      ['* 1 ? * 1', '* 1 2 * 1'],
      ['* 9 * * 1', '* 9 3 * *'],
      ['* 9 3 * *', '* 9 3 * 1'],
    ].map((crons, i) => ({
      type: 'coder_workspace_preset',
      label: `overlap_${i}`,
      body: { name: `overlap_${i}`, prebuilds: [{ instances: 1, scheduling: [{ timezone: 'UTC', schedule: crons.map((cron) => ({ cron, instances: 1 })) }] }] } as Body,
    })),
  },
  {
    name: 'tags, provisioner, external auth, task (not a task)',
    expect: 'success',
    env: { CODER_EXTERNAL_AUTH_ACCESS_TOKEN_github: 'gh-token', 'CODER_EXTERNAL_AUTH_ACCESS_TOKEN_azure-identity': '', CODER_TASK_PROMPT: 'hello' },
    blocks: [
      { type: 'coder_workspace_tags', label: 'tags', body: { tags: { cluster: 'dev', region: 'us' } } },
      { type: 'coder_workspace_tags', label: 'no_tags', body: {} },
      { type: 'coder_workspace_tags', label: 'empty_tags', body: { tags: {} } },
      { type: 'coder_provisioner', label: 'me', body: {} },
      { type: 'coder_external_auth', label: 'github', body: { id: 'github', optional: true } },
      { type: 'coder_external_auth', label: 'azure', body: { id: 'azure-identity' } },
      { type: 'coder_external_auth', label: 'gitlab', body: { id: 'gitlab', optional: false } },
      { type: 'coder_task', label: 'task', body: {} },
    ],
  },
  { name: 'external auth: empty id', expect: 'errors', blocks: [{ type: 'coder_external_auth', label: 'empty', body: { id: '' } }] },
  {
    name: 'a configured implicit id is an unknown key',
    expect: 'errors',
    blocks: [
      { type: 'coder_workspace_tags', label: 'tags', body: { id: 'mine', tags: { a: 'b' } } },
      { type: 'coder_provisioner', label: 'prov', body: { id: '' } },
      param('param', { name: 'p', id: 'x', type: 'nope' }),
    ],
  },
  ...[
    ['nil UUID', '00000000-0000-0000-0000-000000000000', 'success'],
    ['upper case', '6B6B2B4E-4E0C-4A3A-9D5E-0A1B2C3D4E5F', 'success'],
    ['braces', '{6b6b2b4e-4e0c-4a3a-9d5e-0a1b2c3d4e5f}', 'success'],
    ['URN', 'URN:UUID:6b6b2b4e-4e0c-4a3a-9d5e-0a1b2c3d4e5f', 'success'],
    ['32 zeros', '00000000000000000000000000000000', 'success'],
    ['not a UUID', 'not a valid UUID', 'errors'],
    ['bad urn', 'urn:uuix:6b6b2b4e-4e0c-4a3a-9d5e-0a1b2c3d4e5f', 'errors'],
  ].map(
    ([label, id, expect]): Scenario => ({
      name: `task: CODER_TASK_ID ${label}`,
      expect: expect as 'success' | 'errors',
      env: { CODER_TASK_ID: id, CODER_TASK_PROMPT: 'fix it' },
      blocks: [{ type: 'coder_task', label: 'task', body: {} }],
    }),
  ),
];

/** coder_workspace_owner and coder_workspace under one set of CODER_* variables each. */
const ownerAndWorkspace = (name: string, env: EnvOverlay, expect: 'success' | 'errors' = 'success'): Scenario => ({
  name: `owner + workspace: ${name}`,
  expect,
  env,
  blocks: [
    { type: 'coder_workspace_owner', label: 'me', body: {} },
    { type: 'coder_workspace', label: 'me', body: {} },
  ],
});

SCENARIOS.push(
  ownerAndWorkspace('nothing set (a local plan)', {}),
  ownerAndWorkspace('a full workspace build', coderBuildEnv()),
  ownerAndWorkspace('empty values count as unset', {
    CODER_WORKSPACE_OWNER: '',
    CODER_WORKSPACE_OWNER_NAME: '',
    CODER_WORKSPACE_OWNER_EMAIL: '',
    CODER_WORKSPACE_OWNER_ID: '',
    CODER_WORKSPACE_OWNER_LOGIN_TYPE: '',
    CODER_WORKSPACE_OWNER_GROUPS: 'null',
    CODER_WORKSPACE_OWNER_RBAC_ROLES: ' [{"name":"a"},{"org_id":null,"name":"b"},null] trailing',
    CODER_WORKSPACE_TRANSITION: '',
    CODER_WORKSPACE_NAME: '',
    CODER_WORKSPACE_ID: '',
  }),
  ownerAndWorkspace('JSON edge cases', { CODER_WORKSPACE_OWNER_GROUPS: '[null, "x"] junk', CODER_WORKSPACE_OWNER_RBAC_ROLES: '[{}, {"name":null}, {"org_id":"o"}]' }),
  ownerAndWorkspace('roles with extra keys', { CODER_WORKSPACE_OWNER_RBAC_ROLES: '[{"name":"a","org_id":"o","extra":"x"}]' }),
  ownerAndWorkspace('groups set but empty', { CODER_WORKSPACE_OWNER_GROUPS: '' }, 'errors'),
  ownerAndWorkspace('groups not strings', { CODER_WORKSPACE_OWNER_GROUPS: '[1]' }, 'errors'),
  ownerAndWorkspace('roles malformed', { CODER_WORKSPACE_OWNER_RBAC_ROLES: '[{"name":1}]' }, 'errors'),
  ownerAndWorkspace('stop transition, prebuild', { CODER_WORKSPACE_TRANSITION: 'stop', CODER_WORKSPACE_IS_PREBUILD: 'TRUE' }),
  ownerAndWorkspace('prebuild claim wins', { CODER_WORKSPACE_IS_PREBUILD: 'true', CODER_WORKSPACE_IS_PREBUILD_CLAIM: 'True' }),
  ownerAndWorkspace('build without template name', coderBuildEnv({ CODER_WORKSPACE_TEMPLATE_NAME: undefined }), 'errors'),
  ownerAndWorkspace('agent URL with a port', { CODER_AGENT_URL: 'HTTP://Example.com:8080/a%20b/' }),
);

test.each(SCENARIOS.map((s) => [s.name, s] as const))('%s', async (_name, s) => {
  await compare(s);
});
