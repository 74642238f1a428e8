/**
 * The executable layout of scripts/code-cache.mjs: a loader plus the bundle stored in a comment,
 * plus a V8 code cache. Built here around small bundles so every property can be checked in a
 * second: the stored bundle runs exactly as written (comment ends and non-ASCII text included),
 * stack traces name the file's own lines, a cache made by the build's preload is accepted by a
 * fresh process, and a cache that does not match is rejected without changing what runs.
 */
import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');
const CODE_CACHE = path.join(ROOT, 'scripts/code-cache.mjs');

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tpc-codecache-test-'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Lays `bundle` out as an executable with scripts/code-cache.mjs (cache from `cacheFile`, if given). */
function buildExecutable(name: string, bundle: string, cacheFile?: string): string {
  const bundleFile = path.join(dir, `${name}.bundle.js`);
  fs.writeFileSync(bundleFile, bundle);
  const out = path.join(dir, name);
  const script = `
    import { readFileSync, writeFileSync, chmodSync } from 'node:fs';
    const { layout, storablePayload } = await import(${JSON.stringify(CODE_CACHE)});
    const [bundle, out, cache] = process.argv.slice(1);
    writeFileSync(out, layout(storablePayload(readFileSync(bundle, 'utf8')), cache ? readFileSync(cache) : null));
    chmodSync(out, 0o755);`;
  execFileSync(process.execPath, ['--input-type=module', '-e', script, bundleFile, out, cacheFile ?? ''], { stdio: 'pipe' });
  return out;
}

function hookFile(): string {
  const file = path.join(dir, 'hook.cjs');
  if (!fs.existsSync(file)) {
    const src = execFileSync(process.execPath, ['--input-type=module', '-e', `process.stdout.write((await import(${JSON.stringify(CODE_CACHE)})).HOOK_FILE)`]);
    fs.writeFileSync(file, src);
  }
  return file;
}

function run(file: string, env: Record<string, string> = {}, args: string[] = []): { stdout: string; stderr: string; status: number | null } {
  try {
    const stdout = execFileSync(process.execPath, [...args, file], { env: { PATH: process.env.PATH ?? '', ...env }, stdio: 'pipe' }).toString();
    return { stdout, stderr: '', status: 0 };
  } catch (e) {
    const err = e as { stdout: Buffer; stderr: Buffer; status: number | null };
    return { stdout: err.stdout.toString(), stderr: err.stderr.toString(), status: err.status };
  }
}

// A bundle exercising what the storage must survive: comment ends in code and comments, a
// non-ASCII character class in a regular expression and in a tagged template (where an escape
// would change the result), and module-level CommonJS variables.
const BUNDLE = [
  '"use strict";',
  '/** A JSDoc block. */',
  'const endsInString = "a */ b";',
  'const endsInRegex = /x*/.source;',
  'const box = "\u2502 line".replace(/^[\u2502\u2577\u2575]\\s?/, "");',
  'const raw = String.raw`caf\u00e9`;',
  '// \u00b5s and \u03bcs in a comment',
  'function boom() {',
  '  throw new Error("boom");',
  '}',
  'if (process.env.BOOM) boom();',
  'if (process.env.STAY) setInterval(() => {}, 1000);',
  'process.stdout.write(JSON.stringify({ endsInString, endsInRegex, box, raw, rawLength: raw.length, file: __filename === module.filename, main: require.main === module }));',
  '',
].join('\n');

test('the stored bundle runs exactly as written', () => {
  const exe = buildExecutable('plain', BUNDLE);
  const text = fs.readFileSync(exe, 'latin1');
  expect(text.startsWith('#!/usr/bin/env node\n')).toBe(true);
  expect(/[^\x00-\x7f]/.test(text)).toBe(false); // ASCII on disk: Node reads it as a one-byte string
  const r = run(exe);
  expect(r.status).toBe(0);
  expect(JSON.parse(r.stdout)).toEqual({
    endsInString: 'a */ b',
    endsInRegex: 'x*',
    box: 'line',
    raw: 'caf\u00e9',
    rawLength: 4,
    file: true,
    main: true,
  });
});

test("a stack trace names the executable's own line for the throwing statement", () => {
  const exe = buildExecutable('stack', BUNDLE);
  const r = run(exe, { BOOM: '1' });
  expect(r.status).not.toBe(0);
  // Under the executable's fixed script name, with or without a code cache (see below).
  const m = /\(terraform-provider-coder:(\d+):\d+\)/.exec(r.stderr);
  expect(m).not.toBeNull();
  const line = fs.readFileSync(exe, 'utf8').split('\n')[Number(m![1]) - 1];
  expect(line).toBe('  throw new Error("boom");');
});

test('a cache made by the build preload is accepted by a fresh process; a foreign one is rejected harmlessly', async () => {
  const stage = buildExecutable('stage', BUNDLE);
  const hook = hookFile();
  const cacheFile = path.join(dir, 'cache.bin');
  // What the build does: run with the preload, let it serve, then SIGUSR2 writes the cache.
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, ['-r', hook, stage], { env: { PATH: process.env.PATH ?? '', STAY: '1', TPC_CODE_CACHE_OUT: cacheFile }, stdio: ['ignore', 'pipe', 'pipe'] });
    child.stdout.once('data', () => child.kill('SIGUSR2'));
    child.on('error', reject);
    child.on('exit', () => resolve());
  });
  expect(fs.statSync(cacheFile).size).toBeGreaterThan(0);

  const report = path.join(dir, 'report.json');
  const withCache = buildExecutable('cached', BUNDLE, cacheFile);
  const r = run(withCache, { TPC_CODE_CACHE_REPORT: report }, ['-r', hook]);
  expect(r.status).toBe(0);
  expect(JSON.parse(fs.readFileSync(report, 'utf8'))).toEqual({ rejected: false, offered: true });
  expect(JSON.parse(r.stdout).raw).toBe('caf\u00e9');
  // A crash in the cached executable names its own script and line, not the staging file the
  // cache was made from (V8 keeps the name a cache was made under).
  const crash = run(withCache, { BOOM: '1' });
  expect(crash.stderr).not.toContain(stage);
  const at = /\(terraform-provider-coder:(\d+):\d+\)/.exec(crash.stderr);
  expect(fs.readFileSync(withCache, 'utf8').split('\n')[Number(at![1]) - 1]).toBe('  throw new Error("boom");');

  // The same cache with a different bundle: V8 refuses it and the bundle still runs as written.
  const other = buildExecutable('other', BUNDLE.replace('"a */ b"', '"a */ b c"'), cacheFile);
  const r2 = run(other, { TPC_CODE_CACHE_REPORT: report }, ['-r', hook]);
  expect(r2.status).toBe(0);
  expect(JSON.parse(fs.readFileSync(report, 'utf8')).rejected).toBe(true);
  expect(JSON.parse(r2.stdout).endsInString).toBe('a */ b c');
});

test('the built provider carries a code cache that this Node accepts', () => {
  const bin = path.join(ROOT, 'dist', 'terraform-provider-coder');
  const report = path.join(dir, 'dist-report.json');
  // Started without the magic cookie it only prints go-plugin's refusal, but it has loaded by then.
  const r = run(bin, { TPC_CODE_CACHE_REPORT: report }, ['-r', hookFile()]);
  expect(r.stdout).toBe('');
  expect(JSON.parse(fs.readFileSync(report, 'utf8'))).toEqual({ rejected: false, offered: true });
});
