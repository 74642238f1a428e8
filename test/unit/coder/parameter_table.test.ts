/**
 * The 86 cases of the Go provider's parameter enforcement table (see parameter_cases.ts), each
 * run through ValidateDataResourceConfig + ReadDataSource. Error cases pin the exact diagnostic
 * (summary, detail, attribute path) and also satisfy the Go test's ExpectError pattern.
 */
import { DataSourceDriver, brief } from './datasource_harness';
import { CASES, ROWS, tableConfig, tableEnv } from './parameter_cases';

test('the table has the 83 rows and 86 cases of the Go provider', () => {
  expect(ROWS).toHaveLength(83);
  expect(CASES).toHaveLength(86);
  expect(new Set(ROWS.map((r) => r.name)).size).toBe(83);
});

describe.each(CASES)('%s', (_label, row, type) => {
  test('outcome', async () => {
    const d = new DataSourceDriver('coder_parameter', tableEnv(row));
    const r = await d.read(tableConfig(row, type));
    expect(r.validate).toEqual([]);
    const e = row.expect;
    if (e.summary !== undefined) {
      expect(r.state).toBeNull();
      expect(brief(r.diagnostics)).toEqual([
        {
          severity: 'error',
          summary: e.summary,
          ...(e.detail !== undefined ? { detail: e.detail } : {}),
          ...(e.atDefault ? { path: [{ attribute: 'default' }] } : {}),
        },
      ]);
      const text = `${e.summary}: ${e.detail ?? ''}`;
      expect(text).toMatch(new RegExp(e.goMatch as string));
    } else {
      expect(r.diagnostics).toEqual([]);
      expect(r.state).not.toBeNull();
      const s = r.state!;
      expect(s.value).toBe(e.value);
      expect(s.optional).toBe(e.optional);
      expect(s.default).toBe(row.default ?? null);
    }
  });
});
