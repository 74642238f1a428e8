/**
 * `npm run release:bench`: start-to-handshake time and memory of the release's single executable
 * beside the Node bundle, and the artifact sizes. Prints figures; asserts nothing.
 *
 *   node scripts/run-ts.mjs scripts/release.bench.ts [--runs N]      (default 15)
 *
 * Three executables, started the way Terraform/OpenTofu start a provider (magic cookie,
 * PLUGIN_PROTOCOL_VERSIONS=5,6, a PLUGIN_CLIENT_CERT for AutoMTLS), timed from spawn to the
 * handshake line on stdout, runs interleaved so that machine noise hits all alike:
 *   bundle (dist)  what `npm run build` writes to dist/, run through its `#!/usr/bin/env node` line
 *   bundle, plain  the esbuild bundle without build.mjs's code-cache loader (when it has one)
 *   sea            the single executable running the plain bundle (`--startup plain`)
 *   sea+codecache  the single executable with V8's code cache for the bundle (`--startup code-cache`)
 *   sea+snapshot   the single executable as `npm run release` builds it: from a startup snapshot
 * RSS is read from /proc when the handshake arrives (Linux).
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { generateCertificate } from '../provider/plugin/cert';
import { writeZip } from '../provider/install/zip';
import { REPO_ROOT, buildSingleExecutable } from './release.lib';

interface Sample {
  ms: number;
  rssKiB: number | undefined;
}

function rssKiB(pid: number | undefined): number | undefined {
  if (pid === undefined) return undefined;
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) : undefined;
  } catch {
    return undefined;
  }
}

function startToHandshake(file: string, env: Record<string, string>): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(file, [], { env, stdio: ['ignore', 'pipe', 'ignore'] });
    let out = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${file}: no handshake within 30 s`));
    }, 30_000);
    child.stdout.on('data', (b: Buffer) => {
      out += b.toString();
      if (out.includes('\n')) {
        const ms = performance.now() - t0;
        const rss = rssKiB(child.pid);
        clearTimeout(timer);
        child.once('exit', () => resolve({ ms, rssKiB: rss }));
        child.kill('SIGTERM');
      }
    });
    child.on('error', reject);
  });
}

const quantile = (xs: number[], q: number): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor(q * (s.length - 1) + 0.5))] as number;
};
const mib = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MiB`;

async function main(argv: string[]): Promise<void> {
  const runsArg = argv.indexOf('--runs');
  const runs = runsArg >= 0 ? Number(argv[runsArg + 1]) : 15;
  if (!Number.isInteger(runs) || runs < 1) throw new Error('--runs needs a positive integer');
  const out = (l: string): void => void process.stdout.write(`${l}\n`);

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'tpc-release-bench-'));
  try {
    const buildScript = path.join(REPO_ROOT, 'scripts', 'build.mjs');
    const buildBundle = (dir: string, args: string[]): string => {
      const r = spawnSync(process.execPath, [buildScript, '--outdir', path.join(work, dir), ...args], { encoding: 'utf8' });
      if (r.status !== 0) throw new Error(`build failed: ${r.stderr}`);
      return path.join(work, dir, 'terraform-provider-coder');
    };
    // What `npm run build` ships in dist/, and (when build.mjs can wrap the bundle in its
    // code-cache loader) the plain esbuild bundle too.
    const bundle = buildBundle('dist', []);
    const hasPlainOption = fs.readFileSync(buildScript, 'utf8').includes("'--no-code-cache'");
    const plainBundle = hasPlainOption ? buildBundle('dist-plain', ['--no-code-cache']) : undefined;
    const sea = path.join(work, 'sea');
    const seaCache = path.join(work, 'sea-codecache');
    const seaSnapshot = path.join(work, 'sea-snapshot');
    for (const [file, dir, kind] of [[sea, 'w1', 'plain'], [seaCache, 'w2', 'code-cache'], [seaSnapshot, 'w3', 'snapshot']] as const) {
      fs.mkdirSync(path.join(work, dir));
      buildSingleExecutable(file, path.join(work, dir), kind);
    }

    const env = {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      TMPDIR: os.tmpdir(),
      TF_PLUGIN_MAGIC_COOKIE: 'd602bf8f470bc67ca7faa0386276bbdd4330efaf76d1a219cb4d6991ca9872b2',
      PLUGIN_PROTOCOL_VERSIONS: '5,6',
      PLUGIN_CLIENT_CERT: generateCertificate().certPem,
    };
    const subjects = [
      { name: 'bundle (dist)', file: bundle },
      ...(plainBundle ? [{ name: 'bundle, plain', file: plainBundle }] : []),
      { name: 'sea', file: sea },
      { name: 'sea+codecache', file: seaCache },
      { name: 'sea+snapshot', file: seaSnapshot },
    ];
    // One warm-up each (page cache), then interleaved measured runs.
    for (const s of subjects) await startToHandshake(s.file, env);
    const samples = new Map<string, Sample[]>(subjects.map((s) => [s.name, []]));
    for (let i = 0; i < runs; i++) {
      for (const s of subjects) samples.get(s.name)!.push(await startToHandshake(s.file, env));
    }

    out(`start-to-handshake, ${runs} runs each (node ${process.version}, ${os.cpus().length} cores, load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')})`);
    out(`${'executable'.padEnd(15)} ${'median'.padStart(8)} ${'min'.padStart(8)} ${'p90'.padStart(8)} ${'RSS median'.padStart(11)} ${'size'.padStart(10)} ${'zipped'.padStart(10)}`);
    for (const s of subjects) {
      const xs = samples.get(s.name)!;
      const ms = xs.map((x) => x.ms);
      const rss = xs.map((x) => x.rssKiB).filter((x): x is number => x !== undefined);
      const size = fs.statSync(s.file).size;
      const zipped = writeZip([{ name: 'terraform-provider-coder', data: fs.readFileSync(s.file), mode: 0o755 }]).length;
      out(
        `${s.name.padEnd(15)} ${`${quantile(ms, 0.5).toFixed(0)} ms`.padStart(8)} ${`${Math.min(...ms).toFixed(0)} ms`.padStart(8)} ${`${quantile(ms, 0.9).toFixed(0)} ms`.padStart(8)} ${(rss.length ? `${(quantile(rss, 0.5) / 1024).toFixed(0)} MiB` : 'n/a').padStart(11)} ${mib(size).padStart(10)} ${mib(zipped).padStart(10)}`,
      );
    }
    out('(bundle sizes exclude node itself: it must be installed; the SEA sizes include it)');
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  process.stderr.write(`release.bench: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
});
