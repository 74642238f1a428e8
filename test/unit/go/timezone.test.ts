import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { loadLocation } from '../../../provider/framework/go/timezone';

const oracle = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'timezone_oracle.json'), 'utf8')) as {
  go: string;
  results: Array<{ in: string; err?: string; name?: string }>;
};

const haveZoneinfo = fs.existsSync('/usr/share/zoneinfo/America/New_York');
const describeIfZoneinfo = haveZoneinfo ? describe : describe.skip;

describeIfZoneinfo(`time.LoadLocation parity with the Go oracle (${oracle.go}, system tzdata)`, () => {
  test.each(oracle.results.map((r) => [JSON.stringify(r.in), r] as const))('%s', (_n, row) => {
    const r = loadLocation(row.in, { zoneinfo: '' });
    if (row.err !== undefined) expect(r).toEqual({ ok: false, error: row.err });
    else expect(r).toEqual({ ok: true, name: row.name });
  });
});

describe('LoadLocation rules independent of the tz database', () => {
  test.each([
    ['', 'UTC'],
    ['UTC', 'UTC'],
    ['Local', 'Local'],
  ])('%j is built in', (name, want) => {
    expect(loadLocation(name, { sources: [] , zoneinfo: ''})).toEqual({ ok: true, name: want });
  });
  test.each(['../etc/passwd', '/etc/localtime', '\\x', 'a..b'])('%j is an invalid name', (name) => {
    expect(loadLocation(name)).toEqual({ ok: false, error: 'time: invalid location name' });
  });
  test('$ZONEINFO directory is searched first', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zoneinfo-'));
    try {
      fs.writeFileSync(path.join(dir, 'Bad'), 'not tzif');
      expect(loadLocation('Bad', { zoneinfo: dir, sources: [] })).toEqual({
        ok: false,
        error: 'malformed time zone information',
      });
      expect(loadLocation('Missing', { zoneinfo: dir, sources: [] })).toEqual({
        ok: false,
        error: 'unknown time zone Missing',
      });
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('Intl fallback (no tz database directory on the machine)', () => {
  const opts = { intlOnly: true };
  test.each(['America/New_York', 'Europe/Kyiv', 'Asia/Kolkata', 'UTC', 'Etc/GMT+5'])('%s accepted', (name) => {
    expect(loadLocation(name, opts)).toEqual({ ok: true, name });
  });
  test.each(['america/new_york', 'Bad/Zone', '+05:00', 'GMT+5', 'Etc/GMT+15', 'x'])('%s rejected', (name) => {
    expect(loadLocation(name, opts)).toEqual({ ok: false, error: 'unknown time zone ' + name });
  });
});
