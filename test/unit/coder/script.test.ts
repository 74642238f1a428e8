/**
 * coder_script through the internal ProviderServer: schema, defaults (never validated), the
 * `timeout` and `cron` validators, apply-time run-condition errors that still return the state
 * (tainted object), re-plans, and the Go provider's TestScript* / TestValidateCronExpression rows
 * (spec §6.1 rows 66–69, §6.2).
 */
import { ResourceDriver, UNKNOWN, Unknown, V4_UUID, brief, errorsOf, plain, warningsOf, type Partial } from './resource_harness';

const d = new ResourceDriver('coder_script');
const base: Partial = { agent_id: 'some id', display_name: 'Hey', script: 'Wow' };
const unixWarning = (e: string) =>
  `The cron expression '${e}' appears to be in Unix 5-field format. Coder uses 6-field format (seconds minutes hours day month day-of-week). Consider prefixing with '0 ' to run at the start of each minute: '0 ${e}'`;

describe('coder_script schema', () => {
  test('attributes and flags', async () => {
    const r = await d.protocolSchema();
    expect(r.version).toBe(1);
    expect(r.block.blockTypes).toEqual([]);
    expect(Object.fromEntries(r.block.attributes.map((a) => [a.name, `${a.type?.kind}:${a.required ? 'R' : ''}${a.optional ? 'O' : ''}${a.computed ? 'C' : ''}`]))).toEqual({
      agent_id: 'string:R',
      cron: 'string:O',
      display_name: 'string:R',
      icon: 'string:O',
      id: 'string:OC',
      log_path: 'string:O',
      run_on_start: 'bool:O',
      run_on_stop: 'bool:O',
      script: 'string:R',
      start_blocks_login: 'bool:O',
      timeout: 'number:O',
    });
  });
});

describe('coder_script validation', () => {
  test('required arguments', async () => {
    for (const missing of ['agent_id', 'display_name', 'script']) {
      const cfg: Partial = { ...base, run_on_start: true };
      delete cfg[missing];
      expect(brief(await d.validate(cfg))).toEqual([
        { severity: 'error', summary: 'Missing required argument', detail: `The argument "${missing}" is required, but no definition was found.` },
      ]);
    }
  });

  test('timeout: the default 0 is never validated, an explicit 0 or negative is', async () => {
    expect(await d.validate({ ...base, run_on_start: true })).toEqual([]);
    expect(await d.validate({ ...base, timeout: 1 })).toEqual([]);
    expect(await d.validate({ ...base, timeout: 3600 })).toEqual([]);
    const zero = await d.validate({ ...base, timeout: 0 });
    expect(brief(zero)).toEqual([{ severity: 'error', summary: 'expected timeout to be at least (1), got 0' }]);
    expect(zero[0]!.path).toEqual([{ attribute: 'timeout' }]);
    expect(errorsOf(await d.validate({ ...base, timeout: -5 }))).toEqual(['expected timeout to be at least (1), got -5']);
    expect(errorsOf(await d.validate({ ...base, timeout: 2.5 }))).toEqual(['Attribute must be a whole number, got 2.5']);
    expect(await d.validate({ ...base, timeout: UNKNOWN })).toEqual([]);
  });

  test('icon is not URL-validated', async () => {
    expect(await d.validate({ ...base, icon: '/icon%.svg' })).toEqual([]);
  });

  test('cron: 6-field expressions and descriptors pass silently', async () => {
    for (const cron of ['0 0 22 * * *', '30 0 9 * * 1-5', '0 */5 * * * *', '@daily', '@every 1h30m', 'CRON_TZ=UTC 0 0 9 * * *', '0 0 9 * * MON-FRI']) {
      expect([cron, await d.validate({ ...base, cron })]).toEqual([cron, []]);
    }
  });

  test('cron: a Unix 5-field expression is accepted with a warning (read as seconds-first)', async () => {
    const diags = await d.validate({ ...base, cron: '0 22 * * *' });
    expect(brief(diags)).toEqual([{ severity: 'warning', summary: unixWarning('0 22 * * *') }]);
    expect(diags[0]!.path).toEqual([{ attribute: 'cron' }]);
  });

  test('cron: errors carry the robfig parser message', async () => {
    expect(errorsOf(await d.validate({ ...base, cron: 'invalid' }))).toEqual(['invalid is not a valid cron expression: expected 5 to 6 fields, found 1: [invalid]']);
    expect(errorsOf(await d.validate({ ...base, cron: '0 0 0 0 0 0 0' }))).toEqual([
      '0 0 0 0 0 0 0 is not a valid cron expression: expected 5 to 6 fields, found 7: [0 0 0 0 0 0 0]',
    ]);
    // An explicit empty string is validated (only an absent cron is skipped).
    expect(errorsOf(await d.validate({ ...base, cron: '' }))).toEqual([' is not a valid cron expression: empty spec string']);
    expect(errorsOf(await d.validate({ ...base, cron: '@fortnightly' }))).toEqual(['@fortnightly is not a valid cron expression: unrecognized descriptor: @fortnightly']);
    expect(errorsOf(await d.validate({ ...base, cron: '60 * * * * *' }))).toEqual(['60 * * * * * is not a valid cron expression: end of range (60) above maximum (59): 60']);
  });

  test('cron: "TZ=<zone>" + 4 fields warns too (coder\'s Unix parser has an optional day-of-week; verified against the Go provider)', async () => {
    expect(brief(await d.validate({ ...base, cron: 'TZ=UTC * * * *' }))).toEqual([
      { severity: 'warning', summary: unixWarning('TZ=UTC * * * *') },
      { severity: 'error', summary: 'TZ=UTC * * * * is not a valid cron expression: expected 5 to 6 fields, found 4: [* * * *]' },
    ]);
  });

  test('cron: unknown is not validated', async () => {
    expect(await d.validate({ ...base, cron: UNKNOWN })).toEqual([]);
  });
});

describe('coder_script plan and apply', () => {
  const planned = {
    agent_id: 'some id',
    cron: null,
    display_name: 'Hey',
    icon: null,
    id: '<unknown>',
    log_path: null,
    run_on_start: true,
    run_on_stop: false,
    script: 'Wow',
    start_blocks_login: false,
    timeout: 0,
  };

  test('create plans the defaults (false, false, false, 0) and an unknown id', async () => {
    const p = await d.plan({ ...base, run_on_start: true });
    expect(p.diagnostics).toEqual([]);
    expect(p.legacy).toBe(true);
    expect(plain(p.planned)).toEqual(planned);
  });

  test('apply: v4 UUID id, empty re-plan, replacement on change', async () => {
    const cfg = { ...base, run_on_start: true };
    const r = await d.create(cfg);
    expect(r.step).toBe('done');
    expect(r.diagnostics).toEqual([]);
    expect(r.state!.id).toMatch(V4_UUID);
    expect(plain(r.state)).toEqual({ ...planned, id: r.state!.id });
    const again = await d.plan(cfg, r.state);
    expect(again.requiresReplace).toEqual([]);
    expect(again.samePlannedBytes).toBe(true);
    // Defaults written out explicitly are no change either.
    const explicit = await d.plan({ ...cfg, run_on_stop: false, start_blocks_login: false, timeout: 0 }, r.state);
    expect(explicit.samePlannedBytes).toBe(true);
    for (const change of [{ script: 'other' }, { timeout: 30 }, { cron: '0 0 * * * *' }, { run_on_stop: true }, { log_path: '/tmp/x.log' }, { icon: '/icon/x.svg' }]) {
      const p = await d.plan({ ...cfg, ...change }, r.state);
      expect(p.requiresReplace).toEqual(expect.arrayContaining([[{ attribute: Object.keys(change)[0]! }]]));
      expect(p.planned!.id).toBeInstanceOf(Unknown);
    }
  });

  test('apply with every attribute', async () => {
    const cfg = { ...base, run_on_start: true, run_on_stop: true, start_blocks_login: true, timeout: 60, cron: '0 0 * * * *', log_path: 'x.log', icon: '/icon/terminal.svg' };
    const r = await d.create(cfg);
    expect(r.step).toBe('done');
    expect(plain(r.state)).toEqual({ ...cfg, id: r.state!.id });
  });

  test('no run condition: apply-time error, state still returned (tainted object)', async () => {
    const p = await d.plan(base);
    expect(p.diagnostics).toEqual([]);
    const a = await d.apply(p.planned!, base);
    expect(brief(a.diagnostics)).toEqual([{ severity: 'error', summary: 'at least one of "run_on_start", "run_on_stop", or "cron" must be set' }]);
    expect(a.state).not.toBeNull();
    expect(a.state!.id).toMatch(V4_UUID);
    expect(plain(a.state)).toEqual({ ...planned, run_on_start: false, id: a.state!.id });
  });

  test('start_blocks_login without run_on_start: apply-time error with state', async () => {
    const cfg = { ...base, run_on_stop: true, start_blocks_login: true };
    const r = await d.create(cfg);
    expect(r.step).toBe('apply');
    expect(errorsOf(r.diagnostics)).toEqual(['"start_blocks_login" can only be set if "run_on_start" is "true"']);
    expect(r.state!.id).toMatch(V4_UUID);
  });

  test('the first rule wins when both are broken', async () => {
    const r = await d.create({ ...base, start_blocks_login: true });
    expect(errorsOf(r.diagnostics)).toEqual(['at least one of "run_on_start", "run_on_stop", or "cron" must be set']);
  });

  test.each<[string, Partial]>([
    ['run_on_start', { run_on_start: true }],
    ['run_on_stop', { run_on_stop: true }],
    ['cron only', { cron: '0 0 * * * *' }],
    ['cron + start_blocks_login + run_on_start', { cron: '@hourly', run_on_start: true, start_blocks_login: true }],
  ])('valid run condition: %s', async (_n, extra) => {
    const r = await d.create({ ...base, ...extra });
    expect(r.step).toBe('done');
    expect(r.diagnostics.filter((x) => x.severity === 'error')).toEqual([]);
  });

  test('read returns the state unchanged', async () => {
    const r = await d.create({ ...base, run_on_start: true });
    expect(plain((await d.read(r.state!)).state)).toEqual(plain(r.state));
  });
});

/** Go tests: script_test.go (spec §6.1 rows 66–69 and §6.2 TestValidateCronExpression). */
describe('Go TestScript rows', () => {
  test('#66 TestScript: cron "* * * * *" applies (warning only)', async () => {
    const r = await d.create({ ...base, cron: '* * * * *' });
    expect(r.step).toBe('done');
    expect(warningsOf(r.diagnostics)).toEqual([unixWarning('* * * * *')]);
    expect([r.state!.agent_id, r.state!.display_name, r.state!.script, r.state!.cron]).toEqual(['some id', 'Hey', 'Wow', '* * * * *']);
  });

  test('#67 TestScriptNeverRuns', async () => {
    const r = await d.create(base);
    expect(errorsOf(r.diagnostics).join('\n')).toMatch(/at least one of "run_on_start", "run_on_stop", or "cron" must be set/);
  });

  test('#68 TestScriptStartBlocksLoginRequiresRunOnStart (part 1)', async () => {
    const r = await d.create({ ...base, run_on_stop: true, start_blocks_login: true });
    expect(errorsOf(r.diagnostics).join('\n')).toMatch(/"start_blocks_login" can only be set if "run_on_start" is "true"/);
  });

  test('#69 TestScriptStartBlocksLoginRequiresRunOnStart (part 2): agent_id may be ""', async () => {
    const r = await d.create({ ...base, agent_id: '', start_blocks_login: true, run_on_start: true });
    expect(r.step).toBe('done');
    expect([r.state!.agent_id, r.state!.display_name, r.state!.script, r.state!.start_blocks_login, r.state!.run_on_start]).toEqual(['', 'Hey', 'Wow', true, true]);
  });

  test.each<[string, string, RegExp | null, boolean]>([
    ['valid 6-field expression', '0 0 22 * * *', null, false],
    ['valid 6-field expression with seconds', '30 0 9 * * 1-5', null, false],
    ['5-field Unix format - should warn', '0 22 * * *', /appears to be in Unix 5-field format/, false],
    ['5-field every 5 minutes - should warn', '*/5 * * * *', /Consider prefixing with '0 '/, false],
    ['invalid expression', 'invalid', null, true],
    ['too many fields', '0 0 0 0 0 0 0', null, true],
  ])('TestValidateCronExpression/%s', async (_n, cron, warning, hasError) => {
    const diags = await d.validate({ ...base, cron });
    const warnings = warningsOf(diags);
    if (warning) {
      expect(warnings.length).toBeGreaterThanOrEqual(1);
      expect(warnings[0]).toMatch(warning);
    } else {
      expect(warnings).toEqual([]);
    }
    expect(errorsOf(diags).length > 0).toBe(hasError);
  });
});
