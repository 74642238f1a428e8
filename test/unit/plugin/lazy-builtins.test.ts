/**
 * scripts/lazy-builtins.mjs: the stand-in for a Node built-in in the snapshot bundle. It must let
 * esbuild's interop enumerate and import the module without loading it, load it on first real
 * use, and then behave as the module itself.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

const REPO = path.resolve(__dirname, '../../..');

/** Bundles `source` with the plugin and runs it with node; returns its stdout. */
function bundleAndRun(source: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tpc-lazy-'));
  try {
    fs.writeFileSync(path.join(dir, 'entry.ts'), source);
    const script = `
      const { build } = require(${JSON.stringify(path.join(REPO, 'node_modules', 'esbuild'))});
      import(${JSON.stringify(path.join(REPO, 'scripts', 'lazy-builtins.mjs'))}).then(({ lazyBuiltins }) =>
        build({ entryPoints: [${JSON.stringify(path.join(dir, 'entry.ts'))}], bundle: true, platform: 'node', format: 'cjs',
                outfile: ${JSON.stringify(path.join(dir, 'out.js'))}, logLevel: 'error', plugins: [lazyBuiltins] }));`;
    execFileSync(process.execPath, ['-e', script]);
    return execFileSync(process.execPath, [path.join(dir, 'out.js')], { encoding: 'utf8' });
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('importing http2, tls and net loads none of them; http2.constants is served from a copy', () => {
  const out = bundleAndRun(`
    import * as http2 from 'node:http2';
    import { createServer } from 'node:tls';
    import * as net from 'net';
    const loaded = () => ['http2', 'tls', 'net'].filter((m) => (process as any).moduleLoadList.includes('NativeModule ' + m));
    const before = loaded();
    const { HTTP2_HEADER_PATH } = http2.constants;
    const afterConstants = loaded();
    const keys = Object.keys(net).includes('createServer');
    const fn = typeof createServer;
    console.log(JSON.stringify({ before, afterConstants, HTTP2_HEADER_PATH, keys, fn, after: loaded() }));
  `);
  expect(JSON.parse(out)).toEqual({
    before: [],
    afterConstants: [],
    HTTP2_HEADER_PATH: ':path',
    keys: true,
    fn: 'function',
    // typeof createServer loaded tls, which itself loads net.
    after: ['tls', 'net'],
  });
});

test('after the first use the stand-in is the module: same functions, same values', () => {
  const out = bundleAndRun(`
    import * as os from 'node:os';
    import { join } from 'path';
    import * as cp from 'node:child_process';
    const real = process.getBuiltinModule('node:os') as typeof os;
    console.log(JSON.stringify({
      eol: os.EOL === real.EOL,
      same: os.platform === real.platform,
      join: join('a', 'b'),
      has: 'spawn' in cp,
    }));
  `);
  expect(JSON.parse(out)).toEqual({ eol: true, same: true, join: 'a/b', has: true });
});
