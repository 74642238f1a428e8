/**
 * `npm run release`: builds the release for this platform into release/ and prints what it wrote.
 *
 *   node scripts/run-ts.mjs scripts/release.ts [--out DIR] [--startup snapshot|code-cache|plain]
 *
 * --startup chooses how the executable starts (release.lib.ts): from a V8 startup snapshot (the
 * default, fastest), from the bundle with V8's code cache, or from the plain bundle: slower to
 * start, but the same checkout and node binary then always give the same bytes (a reproducible
 * release).
 * The work is in release.lib.ts (shared with the e2e test and the benchmark).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { buildRelease, STARTUP_KINDS, type StartupKind } from './release.lib';

const mib = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MiB`;

function main(argv: string[]): number {
  let outDir: string | undefined;
  let startup: StartupKind = 'snapshot';
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out' && argv[i + 1]) outDir = argv[++i];
    else if (argv[i] === '--startup' && STARTUP_KINDS.includes(argv[i + 1] as StartupKind)) startup = argv[++i] as StartupKind;
    else {
      process.stderr.write(`usage: npm run release [-- --out DIR] [--startup ${STARTUP_KINDS.join('|')}]\n`);
      return 2;
    }
  }
  const r = buildRelease({ outDir, startup });
  const out = (l: string): void => void process.stdout.write(`${l}\n`);
  out(`release ${r.version} for ${r.platform} in ${path.dirname(r.zip)} (${r.seconds.toFixed(1)} s, starting from: ${startup})`);
  out(`  main script (input)   ${mib(r.bundleBytes)}`);
  out(`  single executable     ${mib(r.executableBytes)}`);
  out(`  ${path.basename(r.zip)}  ${mib(r.zipBytes)}`);
  out(`  ${path.basename(r.manifest)}`);
  out(`  ${path.basename(r.sums)}:`);
  for (const line of fs.readFileSync(r.sums, 'utf8').trimEnd().split('\n')) out(`    ${line}`);
  out('Other platforms are not built: a single executable needs the target platform\'s node binary.');
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`release: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
}
