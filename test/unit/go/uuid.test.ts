import * as fs from 'fs';
import * as path from 'path';
import { isCanonicalUuid, newUuidV4, parseUuid, NIL_UUID } from '../../../provider/framework/go/uuid';
import { goFilepathIsAbs } from '../../../provider/framework/go/path';

const oracle = JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'uuid_oracle.json'), 'utf8')) as {
  go: string;
  results: Array<{ in: string; err?: string; uuid?: string }>;
};

describe(`google/uuid Parse parity with the Go oracle (${oracle.go})`, () => {
  test.each(oracle.results.map((r) => [JSON.stringify(r.in), r] as const))('%s', (_n, row) => {
    const r = parseUuid(row.in);
    if (row.err !== undefined) expect(r).toEqual({ ok: false, error: row.err });
    else {
      if (!r.ok) throw new Error(r.error);
      expect(r.uuid).toBe(row.uuid);
    }
  });
});

describe('uuid helpers', () => {
  test('spec §12 examples', () => {
    expect(parseUuid('not a valid UUID')).toEqual({ ok: false, error: 'invalid UUID length: 16' });
    const r = parseUuid('URN:UUID:7D8D4C2E-FB57-44F9-A183-22509819C2E7');
    expect(r.ok && r.uuid).toBe('7d8d4c2e-fb57-44f9-a183-22509819c2e7');
    const nil32 = parseUuid('0'.repeat(32));
    expect(nil32.ok && nil32.uuid).toBe(NIL_UUID);
  });
  test('isCanonicalUuid (validation.IsUUID)', () => {
    expect(isCanonicalUuid('7d8d4c2e-fb57-44f9-a183-22509819c2e7')).toBe(true);
    expect(isCanonicalUuid('7D8D4C2E-FB57-44F9-A183-22509819C2E7')).toBe(true);
    expect(isCanonicalUuid(NIL_UUID)).toBe(true);
    expect(isCanonicalUuid('not-a-uuid')).toBe(false);
    expect(isCanonicalUuid('{7d8d4c2e-fb57-44f9-a183-22509819c2e7}')).toBe(false);
    expect(isCanonicalUuid('7d8d4c2efb5744f9a18322509819c2e7')).toBe(false);
    expect(isCanonicalUuid('7d8d4c2e-fb57-44f9-a183-22509819c2e7\n')).toBe(false);
    expect(isCanonicalUuid('7d8d4c2e-fb57-44f9-a183-22509819c2eg')).toBe(false);
  });
  test('newUuidV4', () => {
    const a = newUuidV4();
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(newUuidV4()).not.toBe(a);
  });
});

describe('filepath.IsAbs (Linux)', () => {
  test.each([
    ['/', true],
    ['/home/coder', true],
    ['//x', true],
    ['', false],
    ['relative', false],
    ['./x', false],
    ['~/x', false],
    ['C:\\x', false],
  ])('%j → %j', (p, want) => {
    expect(goFilepathIsAbs(p)).toBe(want);
  });
});
