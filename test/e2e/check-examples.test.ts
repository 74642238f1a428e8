/**
 * `terraform-provider-coder check` runs on every example in examples/ (real tofu, default
 * scenarios). The secret templates under examples/templates are complete Coder templates and must
 * come out as listed below; the per-type examples are registry snippets (often an agent with no
 * compute resource), so for them the check must only run through and find no error.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT } from './harness';
import { findingKeys, inPool, runCheck, type CheckRun, type JsonReport } from '../check-corpus/run-check';

jest.setTimeout(30 * 60_000);

const EXAMPLES = path.join(REPO_ROOT, 'examples');

/**
 * Findings of the complete templates. `demo` sets the deprecated `dir` (tofu's warning, passed on
 * as a note). (`sensitive-metadata` once had two real findings, an agent no compute resource ran
 * and metadata Coder would show on random_password; the example is fixed and must stay clean.)
 */
const TEMPLATE_FINDINGS: Record<string, string[]> = {
  'templates/cloud-service-account-key': [],
  'templates/demo': ['tofu/warning@main.tf:41'],
  'templates/dynamic-api-key': [],
  'templates/owner-ssh-key': [],
  'templates/sensitive-metadata': [],
  'templates/user-secrets': [],
};

function exampleDirs(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    const entries = fs.readdirSync(dir, { withFileTypes: true });
    if (entries.some((e) => e.isFile() && e.name.endsWith('.tf'))) out.push(path.relative(EXAMPLES, dir));
    for (const e of entries) if (e.isDirectory() && !['cdktf', 'node_modules', '.terraform'].includes(e.name)) walk(path.join(dir, e.name));
  };
  walk(EXAMPLES);
  return out.sort();
}

const dirs = exampleDirs();
const results = new Map<string, { run: CheckRun; report?: JsonReport }>();

beforeAll(async () => {
  await inPool(
    2,
    dirs.map((rel) => async () => {
      const run = await runCheck([rel, '--format', 'json', '--jobs', '2'], EXAMPLES);
      let report: JsonReport | undefined;
      try {
        report = JSON.parse(run.stdout) as JsonReport;
      } catch {
        report = undefined;
      }
      results.set(rel, { run, ...(report ? { report } : {}) });
    }),
  );
});

test('every template under examples/templates is listed here', () => {
  expect(dirs.filter((d) => d.startsWith('templates/'))).toEqual(Object.keys(TEMPLATE_FINDINGS).sort());
});

test.each(dirs)('%s: checked in every scenario, no errors', (rel) => {
  const r = results.get(rel)!;
  expect({ rel, stderr: r.report ? '' : r.run.stderr.slice(-2000) }).toEqual({ rel, stderr: '' });
  const t = r.report!.templates[0]!;
  expect(t.scenarios.map((s) => `${s.name}:${s.status}`)).toEqual(['start:planned', 'stop:planned', 'destroy:planned', 'prebuild:planned']);
  expect(t.findings.filter((f) => f.severity === 'error').map((f) => `${f.ruleId}@${f.file}:${f.line}: ${f.message}`)).toEqual([]);
  expect(r.run.code).toBe(0);
  const expected = TEMPLATE_FINDINGS[rel];
  if (expected) expect(findingKeys(t.findings)).toEqual(expected);
  // The preview of a start build shows the agents the example declares.
  const start = t.scenarios.find((s) => s.name === 'start')!.preview as { agents: Array<{ name: string }> };
  const declared = fs
    .readdirSync(path.join(EXAMPLES, rel))
    .filter((f) => f.endsWith('.tf'))
    .flatMap((f) => [...fs.readFileSync(path.join(EXAMPLES, rel, f), 'utf8').matchAll(/^resource "coder_agent" "([^"]+)"/gm)].map((m) => m[1]!));
  expect(start.agents.map((a) => a.name).sort()).toEqual([...new Set(declared)].sort());
});

afterAll(() => {
  const lines = ['check over examples/: findings (rule@file:line)'];
  for (const rel of dirs) {
    const t = results.get(rel)?.report?.templates[0];
    lines.push(`  ${rel.padEnd(40)} ${t ? findingKeys(t.findings).join(', ') || 'no findings' : 'no report'}`);
  }
  process.stderr.write(lines.join('\n') + '\n');
});
