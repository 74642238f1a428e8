import * as fs from 'fs';
import * as path from 'path';
import {
  CronParseResult,
  checkOverlap,
  daysOverlap,
  parseCronScript,
  parseCronStandard,
  parseCronStandardWithDescriptors,
  parseRange,
  schedulesOverlap,
  validatePresetCron,
  validateSchedules,
  validateScriptCron,
} from '../../../provider/framework/go/cron';
import { parseGoDuration } from '../../../provider/framework/go/duration';

interface Parsed {
  err?: string;
  panic?: string;
  bits?: string[];
  location?: string;
  everyNs?: string;
}
const oracle: {
  go: string;
  results: Array<{ in: string; script: Parsed; standard: Parsed; preset: Parsed }>;
  durations: Array<{ in: string; err?: string; ns?: string }>;
} = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'cron_oracle.json'), 'utf8'));

function toParsed(r: CronParseResult): Parsed {
  if (!r.ok) return { err: r.error };
  const s = r.schedule;
  if (s.kind === 'every') return { everyNs: s.delayNs.toString() };
  return {
    bits: [s.second, s.minute, s.hour, s.dom, s.month, s.dow].map((b) => b.toString()),
    location: s.location,
  };
}

function expectMatches(got: CronParseResult, want: Parsed) {
  if (want.panic !== undefined) {
    // Go panics (TZ= prefix without a space); we return an error instead.
    expect(got.ok).toBe(false);
    return;
  }
  expect(toParsed(got)).toEqual(want);
}

describe('robfig/cron v3.0.1 parity with the Go oracle (' + oracle.go + ')', () => {
  test.each(oracle.results.map((r) => [JSON.stringify(r.in), r] as const))('%s', (_n, row) => {
    expectMatches(parseCronScript(row.in), row.script);
    expectMatches(parseCronStandardWithDescriptors(row.in), row.standard);
    expectMatches(parseCronStandard(row.in), row.preset);
  });
});

describe('time.ParseDuration parity with the Go oracle', () => {
  test.each(oracle.durations.map((r) => [JSON.stringify(r.in), r] as const))('%s', (_n, row) => {
    const got = parseGoDuration(row.in);
    if (row.err !== undefined) expect(got).toEqual({ ok: false, error: row.err });
    else expect(got).toEqual({ ok: true, value: BigInt(row.ns as string) });
  });
});

describe('ValidateCronExpression (spec §6.2 TestValidateCronExpression)', () => {
  test('valid 6-field expression', () => {
    expect(validateScriptCron('0 0 22 * * *')).toEqual({ warnings: [], errors: [] });
  });
  test('valid 6-field expression with seconds', () => {
    expect(validateScriptCron('30 0 9 * * 1-5')).toEqual({ warnings: [], errors: [] });
  });
  test('5-field Unix format - should warn', () => {
    const r = validateScriptCron('0 22 * * *');
    expect(r.errors).toEqual([]);
    expect(r.warnings[0]).toContain('appears to be in Unix 5-field format');
    expect(r.warnings).toEqual([
      "The cron expression '0 22 * * *' appears to be in Unix 5-field format. Coder uses 6-field format (seconds minutes hours day month day-of-week). Consider prefixing with '0 ' to run at the start of each minute: '0 0 22 * * *'",
    ]);
  });
  test('5-field every 5 minutes - should warn', () => {
    const r = validateScriptCron('*/5 * * * *');
    expect(r.errors).toEqual([]);
    expect(r.warnings[0]).toContain("Consider prefixing with '0 '");
  });
  test('invalid expression', () => {
    const r = validateScriptCron('invalid');
    expect(r.warnings).toEqual([]);
    expect(r.errors).toEqual(['invalid is not a valid cron expression: expected 5 to 6 fields, found 1: [invalid]']);
  });
  test('too many fields', () => {
    const r = validateScriptCron('0 0 0 0 0 0 0');
    expect(r.warnings).toEqual([]);
    expect(r.errors).toEqual([
      '0 0 0 0 0 0 0 is not a valid cron expression: expected 5 to 6 fields, found 7: [0 0 0 0 0 0 0]',
    ]);
  });
  test('empty string is an error', () => {
    expect(validateScriptCron('')).toEqual({
      warnings: [],
      errors: [' is not a valid cron expression: empty spec string'],
    });
  });
  test('descriptors and time zones', () => {
    expect(validateScriptCron('@daily')).toEqual({ warnings: [], errors: [] });
    expect(validateScriptCron('@every 1h30m')).toEqual({ warnings: [], errors: [] });
    expect(validateScriptCron('CRON_TZ=America/New_York 0 0 9 * * *')).toEqual({ warnings: [], errors: [] });
    expect(validateScriptCron('TZ=Bad/Zone 0 0 9 * * *').errors).toEqual([
      'TZ=Bad/Zone 0 0 9 * * * is not a valid cron expression: provided bad location Bad/Zone: unknown time zone Bad/Zone',
    ]);
    expect(validateScriptCron('@every 1x').errors).toEqual([
      '@every 1x is not a valid cron expression: failed to parse duration @every 1x: time: unknown unit "x" in duration "1x"',
    ]);
    expect(validateScriptCron('@sometimes').errors).toEqual([
      '@sometimes is not a valid cron expression: unrecognized descriptor: @sometimes',
    ]);
    // a TZ prefix without a following space: Go panics, we report an error
    expect(validateScriptCron('TZ=UTC').errors.length).toBe(1);
  });
  test('5 fields that the standard parser rejects do not warn', () => {
    // read seconds-first the month field is 7 (valid); as a Unix expression dow 7 is out of range
    expect(validateScriptCron('0 0 * * 7')).toEqual({ warnings: [], errors: [] });
    // both readings reject minute/second 60: an error and no warning
    expect(validateScriptCron('0 60 * * *')).toEqual({
      warnings: [],
      errors: ['0 60 * * * is not a valid cron expression: end of range (60) above maximum (59): 60'],
    });
  });
  test('error texts of the field parser', () => {
    const err = (s: string) => validateScriptCron(s).errors[0];
    expect(err('60 * * * * *')).toBe('60 * * * * * is not a valid cron expression: end of range (60) above maximum (59): 60');
    expect(err('* * * 0 * *')).toBe('* * * 0 * * is not a valid cron expression: beginning of range (0) below minimum (1): 0');
    expect(err('5-1 * * * * *')).toBe(
      '5-1 * * * * * is not a valid cron expression: beginning of range (5) beyond end of range (1): 5-1',
    );
    expect(err('*/0 * * * * *')).toBe('*/0 * * * * * is not a valid cron expression: step of range should be a positive number: */0');
    expect(err('1-2-3 * * * * *')).toBe('1-2-3 * * * * * is not a valid cron expression: too many hyphens: 1-2-3');
    expect(err('1/2/3 * * * * *')).toBe('1/2/3 * * * * * is not a valid cron expression: too many slashes: 1/2/3');
    expect(err('a * * * * *')).toBe(
      'a * * * * * is not a valid cron expression: failed to parse int from a: strconv.Atoi: parsing "a": invalid syntax',
    );
    expect(err('-1 * * * * *')).toBe(
      '-1 * * * * * is not a valid cron expression: failed to parse int from : strconv.Atoi: parsing "": invalid syntax',
    );
    expect(err('1-+-1 * * * * *')).toBe('1-+-1 * * * * * is not a valid cron expression: too many hyphens: 1-+-1');
  });
});

describe('coder_workspace_preset cron (data sources §9.3)', () => {
  test.each([
    ['* 9-17 * * 1-5', undefined],
    ['* * * * *', undefined],
    ['0 9 * * *', 'cron spec failed validation: minute field should be *'],
    ['* 9 * *', 'cron spec failed validation: cron specification should consist of 5 fields'],
    ['* * * * * *', 'cron spec failed validation: cron specification should consist of 5 fields'],
    ['@daily', 'cron spec failed validation: cron specification should consist of 5 fields'],
    ['* 25-26 * * *', 'failed to parse cron spec: end of range (26) above maximum (23): 25-26'],
    ['* * 0 * *', 'failed to parse cron spec: beginning of range (0) below minimum (1): 0'],
    ['* * * * mon-fri', undefined],
    ['* * * * 7', 'failed to parse cron spec: end of range (7) above maximum (6): 7'],
    ['* * * foo *', 'failed to parse cron spec: failed to parse int from foo: strconv.Atoi: parsing "foo": invalid syntax'],
    ['', 'cron spec failed validation: cron specification should consist of 5 fields'],
  ])('%j → %j', (expr, want) => {
    expect(validatePresetCron(expr)).toBe(want);
  });
});

describe('schedule overlap helpers (data sources §3.3)', () => {
  test('parseRange', () => {
    const vals = (s: string, max: number) => {
      const r = parseRange(s, max);
      return r.ok ? [...r.values].sort((a, b) => a - b) : r.error;
    };
    expect(vals('*', 6)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(vals('*', 12)[0]).toBe(0);
    expect(vals('1-3,5', 23)).toEqual([1, 2, 3, 5]);
    expect(vals('1-2-3', 23)).toEqual([1, 2]);
    expect(vals('-1', 23)).toBe('invalid start value in range: strconv.Atoi: parsing "": invalid syntax');
    expect(vals('1-', 23)).toBe('invalid end value in range: strconv.Atoi: parsing "": invalid syntax');
    expect(vals('5-3', 23)).toBe('invalid range 5-3: values must be between 0 and 23');
    expect(vals('0-24', 23)).toBe('invalid range 0-24: values must be between 0 and 23');
    expect(vals('24', 23)).toBe('invalid value 24: must be between 0 and 23');
    expect(vals('*/2', 23)).toBe('invalid value: strconv.Atoi: parsing "*/2": invalid syntax');
    expect(vals('1,*', 23)).toBe('invalid value: strconv.Atoi: parsing "*": invalid syntax');
    expect(vals('mon', 6)).toBe('invalid value: strconv.Atoi: parsing "mon": invalid syntax');
    expect(vals('?', 6)).toBe('invalid value: strconv.Atoi: parsing "?": invalid syntax');
    expect(vals('1,,2', 6)).toBe('invalid value: strconv.Atoi: parsing "": invalid syntax');
    expect(vals('+3', 6)).toEqual([3]);
    expect(vals('1-5/2', 6)).toBe('invalid end value in range: strconv.Atoi: parsing "5/2": invalid syntax');
    expect(vals('99999999999999999999', 6)).toBe(
      'invalid value: strconv.Atoi: parsing "99999999999999999999": value out of range',
    );
  });
  test('checkOverlap / daysOverlap', () => {
    expect(checkOverlap('1-3', '3-5', 23)).toEqual({ ok: true, overlap: true });
    expect(checkOverlap('1-3', '4-5', 23)).toEqual({ ok: true, overlap: false });
    expect(checkOverlap('x', '4-5', 23)).toEqual({ ok: false, error: 'invalid value: strconv.Atoi: parsing "x": invalid syntax' });
    expect(daysOverlap('*', '1', '5', '2')).toEqual({ ok: true, overlap: false });
    expect(daysOverlap('1', '*', '1', '2')).toEqual({ ok: true, overlap: true });
    expect(daysOverlap('1', '1', '2', '1')).toEqual({ ok: true, overlap: true });
    expect(daysOverlap('1', '1', '2', '2')).toEqual({ ok: true, overlap: false });
  });
  test('schedulesOverlap', () => {
    expect(schedulesOverlap('* 8-18 * * 1-5', '* 18-23 * * 1-5')).toEqual({ ok: true, overlap: true });
    expect(schedulesOverlap('* 8-17 * * 1-5', '* 18-23 * * 1-5')).toEqual({ ok: true, overlap: false });
    expect(schedulesOverlap('* 8-18 * * 1-5', '* 8-18 * * 0,6')).toEqual({ ok: true, overlap: false });
    expect(schedulesOverlap('* 8-18 * 1-6 *', '* 8-18 * 7-12 *')).toEqual({ ok: true, overlap: false });
    expect(schedulesOverlap('* 8 * *', '* 8 * * *')).toEqual({
      ok: false,
      error: 'schedule "* 8 * *" has 4 fields, expected 5 fields (minute hour day-of-month month day-of-week)',
    });
    expect(schedulesOverlap('* 8 * * *', '0 * 8 * * *')).toEqual({
      ok: false,
      error: 'schedule "0 * 8 * * *" has 6 fields, expected 5 fields (minute hour day-of-month month day-of-week)',
    });
    expect(schedulesOverlap('* 8 * 13 *', '* 8 * * *')).toEqual({
      ok: false,
      error: 'invalid month range: invalid value 13: must be between 0 and 12',
    });
    expect(schedulesOverlap('* 8 32 * *', '* 8 1 * 1')).toEqual({
      ok: false,
      error: 'invalid day range: invalid value 32: must be between 0 and 31',
    });
    expect(schedulesOverlap('* 24 * * *', '* 8 * * *')).toEqual({
      ok: false,
      error: 'invalid hour range: invalid value 24: must be between 0 and 23',
    });
    // minutes are never examined
    expect(schedulesOverlap('0 8 * * *', '30 8 * * *')).toEqual({ ok: true, overlap: true });
  });
  test('validateSchedules', () => {
    expect(validateSchedules([])).toBeUndefined();
    expect(validateSchedules(['not even a cron'])).toBeUndefined();
    expect(validateSchedules(['* 8-12 * * 1-5', '* 13-17 * * 1-5', '* 8-17 * * 0,6'])).toBeUndefined();
    expect(validateSchedules(['* 8-12 * * 1-5', '* 13-17 * * 1-5', '* 12-13 * * 3'])).toBe(
      'schedules overlap: * 8-12 * * 1-5 and * 12-13 * * 3',
    );
    expect(validateSchedules(['* 8-12 * * 1-5', '* */2 * * *'])).toBe(
      'invalid schedule: invalid hour range: invalid value: strconv.Atoi: parsing "*/2": invalid syntax',
    );
  });
});
