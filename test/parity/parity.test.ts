/**
 * The differential harness: every case of the parity corpus (test/parity/cases plus the parameter
 * and form-type tables) runs through real OpenTofu with the Go provider and with ours, and every
 * observable must match: exit codes, diagnostics (severity, summary, detail, source range and
 * address), the planned changes and data sources of `show -json <plan>`, the state of `show -json`
 * and the second plan. Random UUIDs compare by shape (test/parity/runner.ts normalizeRandom).
 * The only differences allowed are listed in test/parity/accepted.ts.
 *
 * Needs `npm run build` first (`npm test` does it). `npm run test:parity` runs just this.
 * Knobs: PARITY_CONCURRENCY (tofu runs at once, default 4), PARITY_ONLY=<regexp on case ids>,
 * PARITY_DUMP=<dir> (write both providers' views of every case there).
 */
import { isDeepStrictEqual } from 'node:util';
import { ACCEPTED, acceptedFor } from './accepted';
import { loadCorpus, type Case } from './corpus';
import { coverageReport } from './coverage';
import { judge, type Verdict } from './judge';
import { dumpCase, planBatches, runBatches, type BatchRun } from './runner';

const CORPUS_TIMEOUT_MS = 30 * 60_000;
jest.setTimeout(60_000);

const all = loadCorpus().cases;
const only = process.env.PARITY_ONLY ? new RegExp(process.env.PARITY_ONLY) : undefined;
const cases: readonly Case[] = only ? all.filter((c) => only.test(c.id)) : all;
const providersOf = (c: Case) => (acceptedFor(c.id)?.kind === 'ours-only' ? (['ours'] as const) : (['ours', 'go'] as const));
const batches = planBatches(cases, providersOf);

let verdicts = new Map<string, Verdict>();
let runs: BatchRun[] = [];

beforeAll(async () => {
  const started = performance.now();
  runs = await runBatches(batches, Number(process.env.PARITY_CONCURRENCY ?? 4));
  verdicts = judge(runs);
  const dump = process.env.PARITY_DUMP;
  if (dump) for (const v of verdicts.values()) dumpCase(dump, v.c, { batch: v.batch.id, problems: v.problems, go: v.go, ours: v.ours });
  const list = [...verdicts.values()];
  const unexplained = list.filter((v) => (v.differs && !v.accepted) || v.problems.length > 0).length;
  const accepted = list.filter((v) => v.accepted).length;
  const commands = runs.reduce((n, r) => n + Object.values(r.runs).reduce((m, x) => m + (x?.commands ?? 0), 0), 0);
  if (process.env.PARITY_TIMINGS === '1') {
    const rows = runs.flatMap((r) => Object.values(r.runs).map((x) => ({ id: r.batch.id, n: r.batch.cases.length, kind: x!.kind, ms: x!.durationMs, commands: x!.commands })));
    const total = (k: string): number => rows.filter((x) => x.kind === k).reduce((t, x) => t + x.ms, 0);
    const lines = rows.sort((a, b) => b.ms - a.ms).slice(0, 15).map((x) => `  ${x.id} (${x.n} cases) ${x.kind}: ${(x.ms / 1000).toFixed(1)} s, ${x.commands} commands`);
    process.stderr.write(`parity timings: ours ${(total('ours') / 1000).toFixed(0)} s, go ${(total('go') / 1000).toFixed(0)} s summed over batches; slowest:\n${lines.join('\n')}\n`);
  }
  process.stderr.write(
    `parity corpus: ${list.length} cases in ${batches.length} batches (${commands} tofu commands), ` +
      `${unexplained} unexplained differences, ${accepted} accepted differences (${ACCEPTED.length} entries in test/parity/accepted.ts), ` +
      `${((performance.now() - started) / 1000).toFixed(1)} s\n`,
  );
}, CORPUS_TIMEOUT_MS);

describe('the corpus', () => {
  test('has at least 150 cases, unique ids, and every accepted difference names real cases', () => {
    expect(all.length).toBeGreaterThanOrEqual(150);
    for (const a of ACCEPTED) {
      for (const id of a.cases) {
        const hits = all.filter((c) => (id.endsWith('/') ? c.id.startsWith(id) : c.id === id));
        expect({ accepted: id, matchesSomeCase: hits.length > 0 }).toEqual({ accepted: id, matchesSomeCase: true });
      }
      expect(a.reason.length).toBeGreaterThan(20);
    }
  });

  (only ? test.skip : test)('covers every env var, every validator error and every default (checked on the reference outcomes)', () => {
    const report = coverageReport(all, verdicts);
    expect(report.missingEnv).toEqual([]);
    expect(report.missingMessages).toEqual([]);
    expect(report.missingDefaults).toEqual([]);
  });
});

const areas = [...new Set(cases.map((c) => c.area))];

describe.each(areas)('%s', (area) => {
  test.each(cases.filter((c) => c.area === area).map((c) => [c.id.slice(area.length + 1), c] as const))('%s', (_name, c) => {
    const v = verdicts.get(c.id);
    if (!v) throw new Error(`${c.id} did not run`);
    expect({ case: c.id, source: c.source, problems: v.problems }).toEqual({ case: c.id, source: c.source, problems: [] });
    if (v.accepted?.kind === 'ours-only') {
      expect(v.go).toBeUndefined();
      return;
    }
    if (v.accepted?.kind === 'differs') {
      // Stale entries fail: once the outcomes agree, the entry must go.
      expect({ case: c.id, stillDiffers: !isDeepStrictEqual(v.ours, v.go) }).toEqual({ case: c.id, stillDiffers: true });
      return;
    }
    expect(v.ours).toEqual(v.go);
  });
});
