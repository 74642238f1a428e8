/**
 * Port of github.com/robfig/cron/v3 v3.0.1 spec parsing (parser.go), plus
 * the coder provider's cron helpers built on it:
 *
 *  - parseCron(spec, options): robfig `NewParser(options).Parse(spec)`;
 *  - parseCronScript: Second|Minute|Hour|Dom|Month|DowOptional|Descriptor
 *    (coder_script `cron`);
 *  - parseCronStandard: Minute|Hour|Dom|Month|Dow, no descriptors
 *    (coder_workspace_preset schedules);
 *  - parseCronStandardWithDescriptors: robfig `cron.ParseStandard`
 *    (Minute|Hour|Dom|Month|Dow|Descriptor), used for the "Unix 5-field" warning;
 *  - validateScriptCron: coder's ValidateCronExpression (warnings + errors);
 *  - validatePresetCron: coder_workspace_preset `cron` validation;
 *  - validateSchedules / schedulesOverlap / daysOverlap / checkOverlap /
 *    parseRange: coder's helpers/schedule_validation.go.
 *
 * Error texts are byte-identical to the Go ones (verified against the Go
 * oracle in test/unit/go/fixtures/cron_oracle.go).
 */
import { parseGoDuration } from './duration';
import { goQuote } from './quote';
import { atoi } from './strconv';
import { goFields, goTrimSpace } from './strings';
import { loadLocation } from './timezone';

// ParseOption bits (same values as robfig/cron)
export const CronSecond = 1 << 0;
export const CronSecondOptional = 1 << 1;
export const CronMinute = 1 << 2;
export const CronHour = 1 << 3;
export const CronDom = 1 << 4;
export const CronMonth = 1 << 5;
export const CronDow = 1 << 6;
export const CronDowOptional = 1 << 7;
export const CronDescriptor = 1 << 8;

const PLACES = [CronSecond, CronMinute, CronHour, CronDom, CronMonth, CronDow];
const DEFAULTS = ['0', '0', '0', '*', '*', '*'];

interface Bounds {
  min: bigint;
  max: bigint;
  names?: Record<string, bigint>;
}

const SECONDS: Bounds = { min: 0n, max: 59n };
const MINUTES: Bounds = { min: 0n, max: 59n };
const HOURS: Bounds = { min: 0n, max: 23n };
const DOM: Bounds = { min: 1n, max: 31n };
const MONTHS: Bounds = {
  min: 1n,
  max: 12n,
  names: {
    jan: 1n,
    feb: 2n,
    mar: 3n,
    apr: 4n,
    may: 5n,
    jun: 6n,
    jul: 7n,
    aug: 8n,
    sep: 9n,
    oct: 10n,
    nov: 11n,
    dec: 12n,
  },
};
const DOW: Bounds = {
  min: 0n,
  max: 6n,
  names: { sun: 0n, mon: 1n, tue: 2n, wed: 3n, thu: 4n, fri: 5n, sat: 6n },
};

/** Set when a field was `*` or `?` (robfig's starBit = 1 << 63). */
export const STAR_BIT = 1n << 63n;

export interface CronSpecSchedule {
  kind: 'spec';
  second: bigint;
  minute: bigint;
  hour: bigint;
  dom: bigint;
  month: bigint;
  dow: bigint;
  /** Location name: 'Local' unless a TZ=/CRON_TZ= prefix was given. */
  location: string;
}

export interface CronEverySchedule {
  kind: 'every';
  /** Delay in nanoseconds (robfig Every(): at least 1s, rounded down to whole seconds). */
  delayNs: bigint;
}

export type CronSchedule = CronSpecSchedule | CronEverySchedule;
export type CronParseResult = { ok: true; schedule: CronSchedule } | { ok: false; error: string };

class CronError extends Error {}

function fmtFields(fields: string[]): string {
  return '[' + fields.join(' ') + ']';
}

/** Go strings.ToLower for the ASCII names we look up (U+0130 lower-cases to 'i' in Go). */
function goToLower(s: string): string {
  return s.replace(/\u0130/g, 'i').toLowerCase();
}

function mustParseInt(expr: string): bigint {
  const r = atoi(expr);
  if (!r.ok) throw new CronError('failed to parse int from ' + expr + ': ' + r.error);
  if (r.value < 0n) throw new CronError('negative number (' + r.value.toString() + ') not allowed: ' + expr);
  return r.value;
}

function parseIntOrName(expr: string, names?: Record<string, bigint>): bigint {
  if (names) {
    const key = goToLower(expr);
    if (Object.prototype.hasOwnProperty.call(names, key)) return names[key];
  }
  return mustParseInt(expr);
}

function getBits(min: bigint, max: bigint, step: bigint): bigint {
  let bits = 0n;
  for (let i = min; i <= max; i += step) bits |= 1n << i;
  return bits;
}

function getRange(expr: string, r: Bounds): bigint {
  const rangeAndStep = expr.split('/');
  const lowAndHigh = rangeAndStep[0].split('-');
  const singleDigit = lowAndHigh.length === 1;
  let start: bigint;
  let end: bigint;
  let step: bigint;
  let extra = 0n;
  if (lowAndHigh[0] === '*' || lowAndHigh[0] === '?') {
    start = r.min;
    end = r.max;
    extra = STAR_BIT;
  } else {
    start = parseIntOrName(lowAndHigh[0], r.names);
    if (lowAndHigh.length === 1) end = start;
    else if (lowAndHigh.length === 2) end = parseIntOrName(lowAndHigh[1], r.names);
    else throw new CronError('too many hyphens: ' + expr);
  }
  if (rangeAndStep.length === 1) {
    step = 1n;
  } else if (rangeAndStep.length === 2) {
    step = mustParseInt(rangeAndStep[1]);
    if (singleDigit) end = r.max;
    if (step > 1n) extra = 0n;
  } else {
    throw new CronError('too many slashes: ' + expr);
  }
  if (start < r.min) {
    throw new CronError('beginning of range (' + start + ') below minimum (' + r.min + '): ' + expr);
  }
  if (end > r.max) throw new CronError('end of range (' + end + ') above maximum (' + r.max + '): ' + expr);
  if (start > end) {
    throw new CronError('beginning of range (' + start + ') beyond end of range (' + end + '): ' + expr);
  }
  if (step === 0n) throw new CronError('step of range should be a positive number: ' + expr);
  return getBits(start, end, step) | extra;
}

function getField(field: string, r: Bounds): bigint {
  let bits = 0n;
  for (const expr of field.split(',')) {
    if (expr === '') continue; // strings.FieldsFunc drops empty items
    bits |= getRange(expr, r);
  }
  return bits;
}

function normalizeFields(fields: string[], options: number): string[] {
  let optionals = 0;
  if (options & CronSecondOptional) {
    options |= CronSecond;
    optionals++;
  }
  if (options & CronDowOptional) {
    options |= CronDow;
    optionals++;
  }
  if (optionals > 1) throw new CronError('multiple optionals may not be configured');
  let max = 0;
  for (const p of PLACES) if (options & p) max++;
  const min = max - optionals;
  const count = fields.length;
  if (count < min || count > max) {
    if (min === max) {
      throw new CronError('expected exactly ' + min + ' fields, found ' + count + ': ' + fmtFields(fields));
    }
    throw new CronError('expected ' + min + ' to ' + max + ' fields, found ' + count + ': ' + fmtFields(fields));
  }
  if (min < max && fields.length === min) {
    if (options & CronDowOptional) fields = [...fields, DEFAULTS[5]];
    else if (options & CronSecondOptional) fields = [DEFAULTS[0], ...fields];
    else throw new CronError('unknown optional field');
  }
  const expanded = [...DEFAULTS];
  let n = 0;
  PLACES.forEach((p, i) => {
    if (options & p) expanded[i] = fields[n++];
  });
  return expanded;
}

function all(r: Bounds): bigint {
  return getBits(r.min, r.max, 1n) | STAR_BIT;
}

function parseDescriptor(descriptor: string, location: string): CronSchedule {
  const one = (r: Bounds) => 1n << r.min;
  switch (descriptor) {
    case '@yearly':
    case '@annually':
      return { kind: 'spec', second: one(SECONDS), minute: one(MINUTES), hour: one(HOURS), dom: one(DOM), month: one(MONTHS), dow: all(DOW), location };
    case '@monthly':
      return { kind: 'spec', second: one(SECONDS), minute: one(MINUTES), hour: one(HOURS), dom: one(DOM), month: all(MONTHS), dow: all(DOW), location };
    case '@weekly':
      return { kind: 'spec', second: one(SECONDS), minute: one(MINUTES), hour: one(HOURS), dom: all(DOM), month: all(MONTHS), dow: one(DOW), location };
    case '@daily':
    case '@midnight':
      return { kind: 'spec', second: one(SECONDS), minute: one(MINUTES), hour: one(HOURS), dom: all(DOM), month: all(MONTHS), dow: all(DOW), location };
    case '@hourly':
      return { kind: 'spec', second: one(SECONDS), minute: one(MINUTES), hour: all(HOURS), dom: all(DOM), month: all(MONTHS), dow: all(DOW), location };
  }
  const every = '@every ';
  if (descriptor.startsWith(every)) {
    const d = parseGoDuration(descriptor.slice(every.length));
    if (!d.ok) throw new CronError('failed to parse duration ' + descriptor + ': ' + d.error);
    let delay = d.value;
    const SEC = 1000000000n;
    if (delay < SEC) delay = SEC;
    // Go: duration - duration % time.Second (truncated remainder, delay is >= 1s here)
    delay = delay - (delay % SEC);
    return { kind: 'every', delayNs: delay };
  }
  throw new CronError('unrecognized descriptor: ' + descriptor);
}

/** robfig/cron `NewParser(options).Parse(spec)`. */
export function parseCron(spec: string, options: number): CronParseResult {
  try {
    return { ok: true, schedule: parseCronOrThrow(spec, options) };
  } catch (e) {
    if (e instanceof CronError) return { ok: false, error: e.message };
    throw e;
  }
}

function parseCronOrThrow(spec: string, options: number): CronSchedule {
  if (spec.length === 0) throw new CronError('empty spec string');
  let location = 'Local';
  if (spec.startsWith('TZ=') || spec.startsWith('CRON_TZ=')) {
    const i = spec.indexOf(' ');
    const eq = spec.indexOf('=');
    if (i < 0) {
      // Go slices spec[eq+1:-1] here and panics (provider crash); we report an error instead.
      throw new CronError('provided bad location ' + spec.slice(eq + 1) + ': missing space after time zone');
    }
    const name = spec.slice(eq + 1, i);
    const loc = loadLocation(name);
    if (!loc.ok) throw new CronError('provided bad location ' + name + ': ' + loc.error);
    location = loc.name;
    spec = goTrimSpace(spec.slice(i));
  }
  if (spec.startsWith('@')) {
    if ((options & CronDescriptor) === 0) throw new CronError('parser does not accept descriptors: ' + spec);
    return parseDescriptor(spec, location);
  }
  const fields = normalizeFields(goFields(spec), options);
  const second = getField(fields[0], SECONDS);
  const minute = getField(fields[1], MINUTES);
  const hour = getField(fields[2], HOURS);
  const dom = getField(fields[3], DOM);
  const month = getField(fields[4], MONTHS);
  const dow = getField(fields[5], DOW);
  return { kind: 'spec', second, minute, hour, dom, month, dow, location };
}

export const SCRIPT_CRON_OPTIONS = CronSecond | CronMinute | CronHour | CronDom | CronMonth | CronDowOptional | CronDescriptor;
export const STANDARD_CRON_OPTIONS = CronMinute | CronHour | CronDom | CronMonth | CronDow;

/** coder_script parser: Second|Minute|Hour|Dom|Month|DowOptional|Descriptor. */
export function parseCronScript(spec: string): CronParseResult {
  return parseCron(spec, SCRIPT_CRON_OPTIONS);
}

/** Minute|Hour|Dom|Month|Dow without descriptors (coder_workspace_preset). */
export function parseCronStandard(spec: string): CronParseResult {
  return parseCron(spec, STANDARD_CRON_OPTIONS);
}

/** robfig `cron.ParseStandard`: Minute|Hour|Dom|Month|Dow|Descriptor. */
export function parseCronStandardWithDescriptors(spec: string): CronParseResult {
  return parseCron(spec, STANDARD_CRON_OPTIONS | CronDescriptor);
}

// ---------------------------------------------------------------------------
// coder helpers

/**
 * coder's ValidateCronExpression (provider/script.go): a warning when the
 * expression looks like a 5-field Unix expression, an error when the
 * 6-field (seconds-first, optional day-of-week) parser rejects it.
 */
export function validateScriptCron(expr: string): { warnings: string[]; errors: string[] } {
  const warnings: string[] = [];
  const errors: string[] = [];
  // coder's "Unix" parser is Minute|Hour|Dom|Month|DowOptional|Descriptor (not ParseStandard's
  // required Dow): it differs for "TZ=<zone> a b c d", which it accepts as 4 fields and warns about.
  if (goFields(expr).length === 5 && parseCron(expr, CronMinute | CronHour | CronDom | CronMonth | CronDowOptional | CronDescriptor).ok) {
    warnings.push(
      "The cron expression '" +
        expr +
        "' appears to be in Unix 5-field format. Coder uses 6-field format (seconds minutes hours day month day-of-week). Consider prefixing with '0 ' to run at the start of each minute: '0 " +
        expr +
        "'",
    );
  }
  const r = parseCronScript(expr);
  if (!r.ok) errors.push(expr + ' is not a valid cron expression: ' + r.error);
  return { warnings, errors };
}

/** coder_workspace_preset `prebuilds.scheduling.schedule.cron` validation; undefined when valid. */
export function validatePresetCron(expr: string): string | undefined {
  const fields = goFields(expr);
  if (fields.length !== 5) return 'cron spec failed validation: cron specification should consist of 5 fields';
  if (fields[0] !== '*') return 'cron spec failed validation: minute field should be *';
  const r = parseCronStandard(expr);
  if (!r.ok) return 'failed to parse cron spec: ' + r.error;
  return undefined;
}

export type OverlapResult = { ok: true; overlap: boolean } | { ok: false; error: string };
export type RangeResult = { ok: true; values: Set<number> } | { ok: false; error: string };

/** coder helpers.ParseRange(input, max). */
export function parseRange(input: string, max: number): RangeResult {
  const values = new Set<number>();
  if (input === '*') {
    for (let i = 0; i <= max; i++) values.add(i);
    return { ok: true, values };
  }
  const M = BigInt(max);
  for (const part of input.split(',')) {
    if (part.includes('-')) {
      const pieces = part.split('-');
      const s = atoi(pieces[0]);
      if (!s.ok) return { ok: false, error: 'invalid start value in range: ' + s.error };
      const e = atoi(pieces[1]);
      if (!e.ok) return { ok: false, error: 'invalid end value in range: ' + e.error };
      const start = s.value;
      const end = e.value;
      if (start < 0n || end > M || start > end) {
        return { ok: false, error: 'invalid range ' + start + '-' + end + ': values must be between 0 and ' + max };
      }
      for (let i = Number(start); i <= Number(end); i++) values.add(i);
    } else {
      const v = atoi(part);
      if (!v.ok) return { ok: false, error: 'invalid value: ' + v.error };
      if (v.value < 0n || v.value > M) {
        return { ok: false, error: 'invalid value ' + v.value + ': must be between 0 and ' + max };
      }
      values.add(Number(v.value));
    }
  }
  return { ok: true, values };
}

/** coder helpers.CheckOverlap(r1, r2, max). */
export function checkOverlap(r1: string, r2: string, max: number): OverlapResult {
  const a = parseRange(r1, max);
  if (!a.ok) return a;
  const b = parseRange(r2, max);
  if (!b.ok) return b;
  for (const v of a.values) if (b.values.has(v)) return { ok: true, overlap: true };
  return { ok: true, overlap: false };
}

/** coder helpers.DaysOverlap(dom1, dow1, dom2, dow2). */
export function daysOverlap(dom1: string, dow1: string, dom2: string, dow2: string): OverlapResult {
  if (dom1 === '*' || dom2 === '*') return checkOverlap(dow1, dow2, 6);
  if (dow1 === '*' || dow2 === '*') return checkOverlap(dom1, dom2, 31);
  const dom = checkOverlap(dom1, dom2, 31);
  if (!dom.ok) return dom;
  const dow = checkOverlap(dow1, dow2, 6);
  if (!dow.ok) return dow;
  return { ok: true, overlap: dom.overlap || dow.overlap };
}

/** coder helpers.SchedulesOverlap(s1, s2). */
export function schedulesOverlap(s1: string, s2: string): OverlapResult {
  const f1 = goFields(s1);
  if (f1.length !== 5) {
    return {
      ok: false,
      error: 'schedule ' + goQuote(s1) + ' has ' + f1.length + ' fields, expected 5 fields (minute hour day-of-month month day-of-week)',
    };
  }
  const f2 = goFields(s2);
  if (f2.length !== 5) {
    return {
      ok: false,
      error: 'schedule ' + goQuote(s2) + ' has ' + f2.length + ' fields, expected 5 fields (minute hour day-of-month month day-of-week)',
    };
  }
  const months = checkOverlap(f1[3], f2[3], 12);
  if (!months.ok) return { ok: false, error: 'invalid month range: ' + months.error };
  if (!months.overlap) return { ok: true, overlap: false };
  const days = daysOverlap(f1[2], f1[4], f2[2], f2[4]);
  if (!days.ok) return { ok: false, error: 'invalid day range: ' + days.error };
  if (!days.overlap) return { ok: true, overlap: false };
  const hours = checkOverlap(f1[1], f2[1], 23);
  if (!hours.ok) return { ok: false, error: 'invalid hour range: ' + hours.error };
  return { ok: true, overlap: hours.overlap };
}

/** coder helpers.ValidateSchedules(list): undefined when no pair overlaps. */
export function validateSchedules(list: readonly string[]): string | undefined {
  for (let i = 0; i < list.length; i++) {
    for (let j = i + 1; j < list.length; j++) {
      const r = schedulesOverlap(list[i], list[j]);
      if (!r.ok) return 'invalid schedule: ' + r.error;
      if (r.overlap) return 'schedules overlap: ' + list[i] + ' and ' + list[j];
    }
  }
  return undefined;
}
