/**
 * `npm run load`: our provider under load with real OpenTofu; prints wall times and the peak RSS
 * (VmHWM) of the provider processes tofu starts. Not part of `npm test`; the default run has a
 * small-size version of each scenario in test/e2e/load-smoke.test.ts.
 *
 *   npm run load                          all four scenarios at full size
 *   npm run load -- --only big-script     one or more (comma-separated) of:
 *                                         big-template, concurrent, metadata-items, big-script
 *   npm run load -- --scale 0.1           every size times 0.1 (a quick look)
 *   npm run load -- --cpu-prof DIR        also write a V8 CPU profile per provider process to DIR
 *   npm run load -- --provider go         the same scenarios through the Go provider, for comparison
 *
 * Exits non-zero when a scenario fails.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { goProviderBin, oursBin, tofuBin, type ProviderKind } from '../test/e2e/harness';
import { bigScriptRun, bigTemplate, concurrentRuns, formatKiB, metadataItems, type ScenarioOptions, type ScenarioResult } from './load.scenarios';

const FULL = {
  bigTemplateResources: 2000,
  concurrentRuns: 20,
  concurrentResources: 100,
  metadataItems: 10_000,
  scriptBytes: 10 * 1024 * 1024,
};

const NAMES = ['big-template', 'concurrent', 'metadata-items', 'big-script'] as const;
type Name = (typeof NAMES)[number];

function parseArgs(argv: string[]): { only: Name[]; scale: number; provider: ProviderKind; cpuProfileDir?: string } {
  let only: Name[] = [...NAMES];
  let provider: ProviderKind = 'ours';
  let scale = 1;
  let cpuProfileDir: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = (): string => {
      const v = argv[++i];
      if (v === undefined) throw new Error(`${a} needs a value`);
      return v;
    };
    if (a === '--only') {
      only = next().split(',') as Name[];
      const bad = only.filter((n) => !NAMES.includes(n));
      if (bad.length) throw new Error(`unknown scenario ${bad.join(', ')}; choose from ${NAMES.join(', ')}`);
    } else if (a === '--scale') {
      scale = Number(next());
      if (!(scale > 0)) throw new Error('--scale needs a positive number');
    } else if (a === '--provider') {
      const p = next();
      if (p !== 'ours' && p !== 'go') throw new Error('--provider is ours or go');
      provider = p;
    } else if (a === '--cpu-prof') {
      cpuProfileDir = path.resolve(next());
    } else {
      throw new Error(`unknown argument ${a}`);
    }
  }
  return cpuProfileDir ? { only, scale, provider, cpuProfileDir } : { only, scale, provider };
}

const out = (line = ''): void => void process.stdout.write(`${line}\n`);

interface CpuProfile {
  nodes: Array<{ id: number; callFrame: { functionName: string; url: string; lineNumber: number } }>;
  samples: number[];
  timeDeltas: number[];
}

/** Self time per function over every .cpuprofile in `dir`: where the provider processes spent CPU. */
function summarizeProfiles(dir: string, top = 12): string {
  const self = new Map<string, number>();
  let busy = 0;
  let idle = 0;
  const files = fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'));
  for (const f of files) {
    const p = JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as CpuProfile;
    const byId = new Map(p.nodes.map((n) => [n.id, n.callFrame]));
    p.samples.forEach((id, i) => {
      const frame = byId.get(id);
      const dt = p.timeDeltas[i] ?? 0;
      if (!frame || frame.functionName === '(idle)') {
        idle += dt;
        return;
      }
      busy += dt;
      const key = `${frame.functionName || '(anonymous)'} ${path.basename(frame.url)}:${frame.lineNumber + 1}`;
      self.set(key, (self.get(key) ?? 0) + dt);
    });
  }
  const ms = (us: number): string => `${(us / 1000).toFixed(0)} ms`;
  const lines = [`${files.length} provider processes: ${ms(busy)} on CPU, ${ms(idle)} idle (waiting for tofu); top self time:`];
  for (const [k, v] of [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, top)) lines.push(`  ${ms(v).padStart(9)}  ${k}`);
  return lines.join('\n');
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const s = (n: number, min: number): number => Math.max(min, Math.round(n * args.scale));
  const opts: ScenarioOptions = { provider: args.provider, log: (l) => process.stderr.write(`${l}\n`), ...(args.cpuProfileDir ? { cpuProfileDir: args.cpuProfileDir } : {}) };
  out(`tofu: ${tofuBin()}`);
  out(`provider: ${args.provider === 'ours' ? oursBin() : goProviderBin()}`);
  out(`node: ${process.version}; CPUs: ${os.cpus().length}`);
  const results: ScenarioResult[] = [];
  let failed = 0;
  const run: Record<Name, () => Promise<ScenarioResult>> = {
    'big-template': () => bigTemplate(s(FULL.bigTemplateResources, 5), opts),
    concurrent: () => concurrentRuns(s(FULL.concurrentRuns, 2), s(FULL.concurrentResources, 5), opts),
    'metadata-items': () => metadataItems(s(FULL.metadataItems, 1), opts),
    'big-script': () => bigScriptRun(s(FULL.scriptBytes, 1024), opts),
  };
  for (const name of args.only) {
    process.stderr.write(`== ${name}\n`);
    const t0 = performance.now();
    try {
      const r = await run[name]();
      results.push(r);
      out(`\n${r.name}: ok in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      for (const [phase, ms] of r.phases) out(`  ${phase.padEnd(26)} ${(ms / 1000).toFixed(1).padStart(8)} s`);
      out(`  ${'provider peak RSS'.padEnd(26)} ${formatKiB(r.rss.peakKiB).padStart(10)}  (VmHWM, max over ${r.rss.processes} provider processes)`);
      out(`  facts: ${Object.entries(r.facts).map(([k, v]) => `${k}=${v}`).join(' ')}`);
    } catch (err) {
      failed++;
      out(`\n${name}: FAILED after ${((performance.now() - t0) / 1000).toFixed(1)} s`);
      out(String(err instanceof Error ? err.message : err).slice(0, 6000));
    }
  }
  if (results.length) {
    const peak = Math.max(...results.map((r) => r.rss.peakKiB));
    out(`\nprovider peak RSS over all scenarios: ${formatKiB(peak)}`);
  }
  if (args.cpuProfileDir) {
    out(`\nCPU profiles: ${args.cpuProfileDir} (open in Chrome DevTools > Performance; RSS figures include the profiler)`);
    out(summarizeProfiles(args.cpuProfileDir));
  }
  if (failed) {
    out(`${failed} scenario(s) failed`);
    process.exitCode = 1;
  }
}

main().catch((err) => {
  process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exitCode = 1;
});
