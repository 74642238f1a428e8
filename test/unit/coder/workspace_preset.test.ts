/**
 * data coder_workspace_preset: schema validation messages (name, description and icon limits,
 * prebuild instances, expiration ttl, time zone, cron), the overlap check Read runs over the
 * schedules, and the state it writes (ID = name, default false, absent blocks and empty maps null).
 * Cases follow the Go provider's workspace_preset_test.go plus the spec's rules.
 */
import { DataSourceDriver, brief, plain, type Partial } from './datasource_harness';

const driver = () => new DataSourceDriver('coder_workspace_preset');
const read = (config: Partial) => driver().read(config);
const validationErrors = async (config: Partial) => brief(await driver().validate(config));

const prebuilds = (p: Partial): Partial => ({ name: 'preset_1', prebuilds: [p] });
const scheduling = (timezone: string, ...crons: string[]): Partial =>
  prebuilds({ instances: 1, scheduling: [{ timezone, schedule: crons.map((cron) => ({ cron, instances: 3 })) }] });

describe('state', () => {
  test('happy path: config echoed, ID is the name, default false, no prebuilds', async () => {
    const r = await read({
      name: 'preset_1',
      description: '# Select the machine image\nSee the [registry](https://container.registry.blah/namespace) for options.\n',
      icon: '/icon/region.svg',
      parameters: { region: 'us-east1-a' },
    });
    expect(r.validate).toEqual([]);
    expect(r.diagnostics).toEqual([]);
    expect(plain(r.state!)).toEqual({
      id: 'preset_1',
      name: 'preset_1',
      description: '# Select the machine image\nSee the [registry](https://container.registry.blah/namespace) for options.\n',
      icon: '/icon/region.svg',
      default: false,
      parameters: { region: 'us-east1-a' },
      prebuilds: null,
    });
  });

  test.each([
    ['absent', undefined],
    ['empty', {}],
  ])('parameters %s → null', async (_label, parameters) => {
    const r = await read({ name: 'p', ...(parameters ? { parameters } : {}) });
    expect(r.diagnostics).toEqual([]);
    expect(r.state!.parameters).toBeNull();
  });

  test('parameter values are not checked (empty values allowed)', async () => {
    const r = await read({ name: 'p', parameters: { x: '' } });
    expect(r.validate).toEqual([]);
    expect(plain(r.state!.parameters)).toEqual({ x: '' });
  });

  test.each([
    [true, true],
    [false, false],
    [undefined, false],
  ])('default = %s → %s', async (def, expected) => {
    const r = await read({ name: 'p', ...(def !== undefined ? { default: def } : {}) });
    expect(r.state!.default).toBe(expected);
  });

  test('empty description and icon are fine, and come back null like any top-level ""', async () => {
    const r = await read({ name: 'p', description: '', icon: '' });
    expect(r.validate).toEqual([]);
    expect(r.state!.description).toBeNull();
    expect(r.state!.icon).toBeNull();
  });

  test('prebuilds with instances only: nested optional blocks come back empty', async () => {
    const r = await read(prebuilds({ instances: 1 }));
    expect(r.diagnostics).toEqual([]);
    expect(plain(r.state!.prebuilds)).toEqual([{ instances: 1, expiration_policy: [], scheduling: [] }]);
  });

  test('prebuilds with expiration policy and a schedule are echoed', async () => {
    const r = await read(
      prebuilds({
        instances: 2,
        expiration_policy: [{ ttl: 86400 }],
        scheduling: [{ timezone: 'America/Los_Angeles', schedule: [{ cron: '* 8-18 * * 1-5', instances: 3 }, { cron: '* 8-14 * * 6', instances: 1 }] }],
      }),
    );
    expect(r.validate).toEqual([]);
    expect(r.diagnostics).toEqual([]);
    expect(plain(r.state!.prebuilds)).toEqual([
      {
        instances: 2,
        expiration_policy: [{ ttl: 86400 }],
        scheduling: [
          {
            timezone: 'America/Los_Angeles',
            schedule: [
              { cron: '* 8-18 * * 1-5', instances: 3 },
              { cron: '* 8-14 * * 6', instances: 1 },
            ],
          },
        ],
      },
    ]);
  });

  test('ttl 0 disables expiry; schedule instances may be negative', async () => {
    const r = await read(
      prebuilds({ instances: 0, expiration_policy: [{ ttl: 0 }], scheduling: [{ timezone: 'UTC', schedule: [{ cron: '* * * * *', instances: -4 }] }] }),
    );
    expect(r.validate).toEqual([]);
    expect(r.diagnostics).toEqual([]);
  });
});

describe('validate phase', () => {
  test('empty name', async () => {
    expect(await validationErrors({ name: '' })).toEqual([
      { severity: 'error', summary: 'expected "name" to not be an empty string, got ', path: [{ attribute: 'name' }] },
    ]);
  });

  test('description longer than 128 bytes (bytes, not characters)', async () => {
    const long = 'Lorem ipsum dolor sit amet, consectetur adipiscing elit. Curabitur vehicula leo sit amet mi laoreet, sed ornare velit tincidunt. Proin gravida lacinia blandit.';
    expect(await validationErrors({ name: 'p', description: long })).toEqual([
      { severity: 'error', summary: `expected length of description to be in the range (0 - 128), got ${long}`, path: [{ attribute: 'description' }] },
    ]);
    expect(await validationErrors({ name: 'p', description: 'é'.repeat(64) })).toEqual([]);
    expect(await validationErrors({ name: 'p', description: 'é'.repeat(65) })).toHaveLength(1);
  });

  test('icon: URL parse error', async () => {
    expect(await validationErrors({ name: 'p', icon: '/icon%.svg' })).toEqual([
      { severity: 'error', summary: 'parse "/icon%.svg": invalid URL escape "%.s"', path: [{ attribute: 'icon' }] },
    ]);
  });

  test('icon: longer than 256 bytes', async () => {
    const icon = `https://example.com/path/${'a'.repeat(240)}.svg`;
    expect(await validationErrors({ name: 'p', icon })).toEqual([
      { severity: 'error', summary: `expected length of icon to be in the range (0 - 256), got ${icon}`, path: [{ attribute: 'icon' }] },
    ]);
  });

  test('icon: both the URL and the length errors are reported', async () => {
    const icon = `/%zz${'a'.repeat(260)}`;
    const errs = await validationErrors({ name: 'p', icon });
    expect(errs.map((e) => e.summary)).toEqual([`parse ${JSON.stringify(icon)}: invalid URL escape "%zz"`, `expected length of icon to be in the range (0 - 256), got ${icon}`]);
  });

  test('missing instances in prebuilds', async () => {
    expect(await validationErrors(prebuilds({}))).toEqual([
      {
        severity: 'error',
        summary: 'Missing required argument',
        detail: 'The argument "prebuilds.0.instances" is required, but no definition was found.',
        path: [{ attribute: 'prebuilds' }],
      },
    ]);
  });

  test('negative instances', async () => {
    expect(await validationErrors(prebuilds({ instances: -1 }))).toEqual([
      { severity: 'error', summary: 'expected prebuilds.0.instances to be at least (0), got -1', path: [{ attribute: 'prebuilds' }] },
    ]);
  });

  test.each([
    [1800, true],
    [63072000, true],
    [3599, true],
    [3600, false],
    [31536000, false],
    [31536001, true],
    [-1, true],
    [0, false],
  ])('ttl %d rejected: %s', async (ttl, rejected) => {
    const errs = await validationErrors(prebuilds({ instances: 1, expiration_policy: [{ ttl }] }));
    expect(errs).toEqual(
      rejected
        ? [{ severity: 'error', summary: `"prebuilds.0.expiration_policy.0.ttl" must be 0 or between 3600 and 31536000, got ${ttl}`, path: [{ attribute: 'prebuilds' }] }]
        : [],
    );
  });

  test('ttl must be whole', async () => {
    expect(await validationErrors(prebuilds({ instances: 1, expiration_policy: [{ ttl: 3600.5 }] }))).toEqual([
      { severity: 'error', summary: 'Attribute must be a whole number, got 3600.5', path: [{ attribute: 'prebuilds' }] },
    ]);
  });

  test.each([
    ['InvalidLocation', 'failed to load timezone "InvalidLocation": unknown time zone InvalidLocation'],
    ['america/new_york', 'failed to load timezone "america/new_york": unknown time zone america/new_york'],
    ['../etc/passwd', 'failed to load timezone "../etc/passwd": time: invalid location name'],
    ['/etc/localtime', 'failed to load timezone "/etc/localtime": time: invalid location name'],
  ])('timezone %s', async (tz, message) => {
    expect(await validationErrors(scheduling(tz, '* 8-18 * * 1-5'))).toEqual([{ severity: 'error', summary: message, path: [{ attribute: 'prebuilds' }] }]);
  });

  test.each(['UTC', '', 'Local', 'America/Los_Angeles', 'US/Eastern', 'Etc/GMT+5', 'EST'])('timezone %p is accepted', async (tz) => {
    expect(await validationErrors(scheduling(tz, '* 8-18 * * 1-5'))).toEqual([]);
  });

  test.each([
    ['30 8-18 * * 1-5', 'cron spec failed validation: minute field should be *'],
    ['* 8-18 * *', 'cron spec failed validation: cron specification should consist of 5 fields'],
    ['* 8-18 * * 1-5 2025', 'cron spec failed validation: cron specification should consist of 5 fields'],
    ['@daily', 'cron spec failed validation: cron specification should consist of 5 fields'],
    ['* 25-26 * * 1-5', 'failed to parse cron spec: end of range (26) above maximum (23): 25-26'],
    ['* * 0 * *', 'failed to parse cron spec: beginning of range (0) below minimum (1): 0'],
    ['* * * 13 *', 'failed to parse cron spec: end of range (13) above maximum (12): 13'],
    ['* * * * 7', 'failed to parse cron spec: end of range (7) above maximum (6): 7'],
    ['* x * * *', 'failed to parse cron spec: failed to parse int from x: strconv.Atoi: parsing "x": invalid syntax'],
    ['* 5-3 * * *', 'failed to parse cron spec: beginning of range (5) beyond end of range (3): 5-3'],
    ['* 1-2-3 * * *', 'failed to parse cron spec: too many hyphens: 1-2-3'],
    ['* */0 * * *', 'failed to parse cron spec: step of range should be a positive number: */0'],
  ])('cron %p', async (cron, message) => {
    expect(await validationErrors(scheduling('UTC', cron))).toEqual([{ severity: 'error', summary: message, path: [{ attribute: 'prebuilds' }] }]);
  });

  test.each(['* 8-18 * * 1-5', '* */2 * * *', '* * ? jan-mar mon', '* 0 1,15 * *', '*   1  *  *  *'])('cron %p is accepted', async (cron) => {
    expect(await validationErrors(scheduling('UTC', cron))).toEqual([]);
  });

  test('cron and instances are required in a schedule', async () => {
    const errs = await validationErrors(prebuilds({ instances: 1, scheduling: [{ timezone: 'UTC', schedule: [{}] }] }));
    expect(errs.map((e) => e.detail)).toEqual([
      'The argument "prebuilds.0.scheduling.0.schedule.0.cron" is required, but no definition was found.',
      'The argument "prebuilds.0.scheduling.0.schedule.0.instances" is required, but no definition was found.',
    ]);
  });
});

describe('schedule overlap (Read)', () => {
  const overlapError = (detail: string) => [{ severity: 'error', summary: `schedules overlap with each other: ${detail}` }];

  test('the Go test case: weekday and weekend-evening schedules share Friday 18:00', async () => {
    const r = await read(scheduling('UTC', '* 8-18 * * 1-5', '* 18-19 * * 5-6'));
    expect(r.validate).toEqual([]);
    expect(r.state).toBeNull();
    expect(brief(r.diagnostics)).toEqual(overlapError('schedules overlap: * 8-18 * * 1-5 and * 18-19 * * 5-6'));
  });

  test('disjoint schedules are fine', async () => {
    const r = await read(scheduling('UTC', '* 8-18 * * 1-5', '* 8-14 * * 6'));
    expect(r.diagnostics).toEqual([]);
    expect(r.state!.id).toBe('preset_1');
  });

  test('pairs are checked in order; the first problem wins', async () => {
    const r = await read(scheduling('UTC', '* 1 * * *', '* 2 * * *', '* 3 * * *', '* 2 * * *', '* 1 * * *'));
    expect(brief(r.diagnostics)).toEqual(overlapError('schedules overlap: * 1 * * * and * 1 * * *'));
  });

  test('raw strings are reported as written', async () => {
    const r = await read(scheduling('UTC', '*  9  *  *  *', '* 9 * * *'));
    expect(brief(r.diagnostics)).toEqual(overlapError('schedules overlap: *  9  *  *  * and * 9 * * *'));
  });

  test('steps, names and ? pass the cron check but not the overlap parser', async () => {
    expect(brief((await read(scheduling('UTC', '* */2 * * *', '* 3 * * *'))).diagnostics)).toEqual(
      overlapError('invalid schedule: invalid hour range: invalid value: strconv.Atoi: parsing "*/2": invalid syntax'),
    );
    expect(brief((await read(scheduling('UTC', '* 1 * jan *', '* 1 * * *'))).diagnostics)).toEqual(
      overlapError('invalid schedule: invalid month range: invalid value: strconv.Atoi: parsing "jan": invalid syntax'),
    );
    expect(brief((await read(scheduling('UTC', '* 1 ? * *', '* 1 * * *'))).diagnostics)).toEqual(overlapError('schedules overlap: * 1 ? * * and * 1 * * *'));
    expect(brief((await read(scheduling('UTC', '* 1 ? * 1', '* 1 2 * 1'))).diagnostics)).toEqual(
      overlapError('invalid schedule: invalid day range: invalid value: strconv.Atoi: parsing "?": invalid syntax'),
    );
  });

  test('a single schedule is never checked by the overlap parser', async () => {
    const r = await read(scheduling('UTC', '* */2 * jan mon'));
    expect(r.validate).toEqual([]);
    expect(r.diagnostics).toEqual([]);
  });

  test('months and days decide before hours', async () => {
    expect((await read(scheduling('UTC', '* 9 * 1-6 *', '* 9 * 7-12 *'))).diagnostics).toEqual([]);
    expect((await read(scheduling('UTC', '* 9 1-10 * 1', '* 9 20-31 * 2'))).diagnostics).toEqual([]);
    expect(brief((await read(scheduling('UTC', '* 9 1-10 * 1', '* 9 5 * 2'))).diagnostics)).toEqual(
      overlapError('schedules overlap: * 9 1-10 * 1 and * 9 5 * 2'),
    );
    expect(brief((await read(scheduling('UTC', '* 9 * * 1', '* 9 3 * *'))).diagnostics)).toEqual(overlapError('schedules overlap: * 9 * * 1 and * 9 3 * *'));
    expect(brief((await read(scheduling('UTC', '* 9 3 * *', '* 9 3 * 1'))).diagnostics)).toEqual(
      overlapError('schedules overlap: * 9 3 * * and * 9 3 * 1'),
    );
  });

  test('the overlap range parser: bounds, empty pieces, extra hyphens', async () => {
    // These fail the cron check at validate time; Read alone shows what the overlap parser makes of them.
    expect(brief((await driver().readOnly(scheduling('UTC', '* 9 * 1-13 *', '* 9 * * *'))).diagnostics)).toEqual(
      overlapError('invalid schedule: invalid month range: invalid range 1-13: values must be between 0 and 12'),
    );
    expect(brief((await driver().readOnly(scheduling('UTC', '* 1-2-3 * * *', '* 2 * * *'))).diagnostics)).toEqual(
      overlapError('schedules overlap: * 1-2-3 * * * and * 2 * * *'),
    );
    expect(brief((await driver().readOnly(scheduling('UTC', '* 5 * * *', '* 1- * * *'))).diagnostics)).toEqual(
      overlapError('invalid schedule: invalid hour range: invalid end value in range: strconv.Atoi: parsing "": invalid syntax'),
    );
    expect(brief((await driver().readOnly(scheduling('UTC', '* 5 * *', '* 1 * * *'))).diagnostics)).toEqual(
      overlapError('invalid schedule: schedule "* 5 * *" has 4 fields, expected 5 fields (minute hour day-of-month month day-of-week)'),
    );
  });
});
