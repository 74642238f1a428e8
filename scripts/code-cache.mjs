// Start-up cost of the bundle, and what this file does about it.
//
// Terraform/OpenTofu start the provider several times per command (about five per plan + apply),
// and each start used to compile the whole 2.5 MB bundle from scratch before the first line of
// it ran. V8 can skip that with a code cache, but Node 20 offers no way to give one to the main
// module. So the executable is laid out as a small loader plus the bundle stored in a comment,
// and the loader compiles the bundle itself with `vm.Script` and a code cache kept at the end of
// the same file:
//
//   #!/usr/bin/env node
//   <loader: one line>
//   /*@@payload                 <- the esbuild bundle, line for line; every "*/" in it is written
//   ...                            "*@@/" so the comment cannot end early
//   @@payload*/
//   //@@cache <base64>          <- V8 code cache for exactly that source (absent: plain compile)
//
// Crash reports still point into this file: the payload is compiled with the line offset of its
// first line, so `terraform-provider-coder:LINE` is the line shown in the file (and in the
// source map, whose mappings are shifted by the same number of lines). The payload is compiled
// under that fixed name, not under the file's path: V8 keeps the script name a code cache was
// made with (the build's staging directory), so a path would be right only without a cache.
//
// The cache is made at build time by running the staged executable the way tofu does, with a
// preload (`-r`) that receives the compiled script, driving it through a start-up and a round of
// RPCs (scripts/code-cache-warmup.ts), and then asking V8 for the cache: it then holds the
// bytecode of every function that start-up and those RPCs ran, not only the top level. A cache
// from another Node/V8 version or with other V8 flags is rejected by V8 and the loader simply
// compiles the source, so a mismatch costs speed, never correctness. The build checks that a
// fresh process accepts the cache.
import { build } from 'esbuild';
import { spawn } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export const HOOK_SYMBOL = 'terraform-provider-coder.payload-script';
const OPEN = '/*@@payload\n';
const CLOSE = '\n@@payload*/\n';
const CACHE_PREFIX = '//@@cache ';
const END_COMMENT = '*/';
const END_COMMENT_STORED = '*@@/';
const NON_ASCII_STORED = '@@u{';
/**
 * V8 flags change the hash V8 stamps on a code cache, and the provider sets one once it serves
 * (provider/plugin/heap-tuning.ts), after the loader compiled the bundle with default flags. The
 * warm-up makes the cache after it served RPCs, so the preload puts the flag back to V8's
 * default first; the build then checks that a fresh process accepts the cache.
 */
const SERVING_FLAG_DEFAULTS = '--semi-space-growth-factor=2 --heap-growing-percent=0';
/** The name stack traces and profiles give the payload (see the header). */
export const SCRIPT_NAME = 'terraform-provider-coder';
const WRAP_HEAD = '(function (exports, require, module, __filename, __dirname) {';
const WRAP_TAIL = '\n})';

/**
 * The loader line: finds the payload, compiles it with the cache when there is one, runs it.
 * Decoding is kept to one pass over the text: latin1 (the file is ASCII; Node makes a string this
 * large an external one, off the V8 heap), put comment ends back, and only when the build stored
 * any, non-ASCII characters (an indexOf loop: a regular expression over 2.5 MB cost 6 ms).
 */
function loaderSource(lineOffset, restoreNonAscii) {
  const restore = restoreNonAscii
    ? `{let i=s.indexOf('${NON_ASCII_STORED}'),j=0,o='';for(;i>=0;i=s.indexOf('${NON_ASCII_STORED}',j)){o+=s.slice(j,i)+String.fromCharCode(parseInt(s.slice(i+${NON_ASCII_STORED.length},i+${NON_ASCII_STORED.length + 4}),16));j=i+${NON_ASCII_STORED.length + 5};}s=o+s.slice(j);}`
    : '';
  return [
    "'use strict';{",
    "const {readFileSync}=require('node:fs'),{Script}=require('node:vm');",
    'const file=readFileSync(__filename);',
    `const open=file.indexOf(${JSON.stringify('\n' + OPEN)}),close=file.indexOf(${JSON.stringify(CLOSE)},open);`,
    "if(open<0||close<0)throw new Error(__filename+': damaged executable (bundle markers missing); rebuild it');",
    `let s=file.toString('latin1',open+${1 + OPEN.length},close).replaceAll(${JSON.stringify(END_COMMENT_STORED)},${JSON.stringify(END_COMMENT)});`,
    restore,
    `const at=file.indexOf(${JSON.stringify('\n' + CACHE_PREFIX)},close);`,
    `const cachedData=at<0?undefined:Buffer.from(file.toString('latin1',at+${1 + CACHE_PREFIX.length},file.indexOf(10,at+1)),'base64');`,
    `const script=new Script(s,{filename:${JSON.stringify(SCRIPT_NAME)},lineOffset:${lineOffset},cachedData});`,
    `const hook=globalThis[Symbol.for(${JSON.stringify(HOOK_SYMBOL)})];if(typeof hook==='function')hook(script);`,
    'script.runInThisContext()(exports,require,module,__filename,__dirname);}',
  ].join('');
}

/**
 * The payload is stored verbatim except for comment ends ("*" "/") and non-ASCII characters, and
 * must not already contain their stored forms or our markers. A non-ASCII character anywhere in
 * the file makes Node decode all of it as a two-byte string (measured: +7 ms of CPU per start), so
 * each is stored as @@u{XXXX} and the loader puts it back: the compiled source is exactly
 * esbuild's output. (The source itself is then a two-byte string, another ~4 ms; writing such
 * characters as \uXXXX in the TypeScript sources avoids both.)
 */
export function storablePayload(js) {
  for (const bad of [END_COMMENT_STORED, '@@payload', CACHE_PREFIX, NON_ASCII_STORED]) {
    if (js.includes(bad)) throw new Error(`bundle contains ${JSON.stringify(bad)}; cannot store it in a comment`);
  }
  let nonAscii = 0;
  const text = js.replace(/[^\x00-\x7f]/g, (c) => {
    nonAscii++;
    return `${NON_ASCII_STORED}${c.charCodeAt(0).toString(16).padStart(4, '0')}}`;
  });
  // Where they come from (esbuild heads each module with a "// <path>" line), for the build log.
  const sources = new Set();
  if (nonAscii > 0) {
    let module = '(bundle prelude)';
    for (const line of js.split('\n')) {
      const m = /^\/\/ ((?:provider|node_modules|test)\/\S+)$/.exec(line);
      if (m) module = m[1];
      else if (/[^\x00-\x7f]/.test(line)) sources.add(module);
    }
  }
  return { text, nonAscii, nonAsciiSources: [...sources] };
}

/** Executable text: shebang, loader, stored payload, and the cache line when given. */
export function layout(payload, cache) {
  // Lines 0-2: shebang, loader, opening marker. The compiled text starts on line 3 with the CommonJS
  // wrapper's head on a line of its own, so bundle line N is file line N + 4 (and the stack traces
  // say so: the script is compiled with line offset 3).
  const header = `#!/usr/bin/env node\n${loaderSource(3, payload.nonAscii > 0)}\n`;
  const body = `${OPEN}${WRAP_HEAD}\n${payload.text.replaceAll(END_COMMENT, END_COMMENT_STORED)}${WRAP_TAIL}${CLOSE}`;
  return header + body + (cache ? `${CACHE_PREFIX}${cache.toString('base64')}\n` : '');
}

export const HOOK_FILE = `'use strict';
// Build-time preload: receives the compiled payload script from the loader.
const fs = require('node:fs');
globalThis[Symbol.for(${JSON.stringify(HOOK_SYMBOL)})] = (script) => {
  if (process.env.TPC_CODE_CACHE_REPORT) fs.writeFileSync(process.env.TPC_CODE_CACHE_REPORT, JSON.stringify({ rejected: script.cachedDataRejected === true, offered: script.cachedDataRejected !== undefined }));
  if (process.env.TPC_CODE_CACHE_OUT) {
    process.on('SIGUSR2', () => {
      require('node:v8').setFlagsFromString(${JSON.stringify(SERVING_FLAG_DEFAULTS)});
      fs.writeFileSync(process.env.TPC_CODE_CACHE_OUT, script.createCachedData());
      process.exit(0);
    });
  }
};
`;

function run(cmd, args, opts) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(cmd, args, { ...opts, stdio: ['ignore', 'pipe', 'pipe'] });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += d));
    child.stderr.on('data', (d) => (err += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs ?? 60_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolvePromise({ code, signal, out, err });
    });
  });
}

/**
 * Rewrites the esbuild output `file` (shebang + bundle) into the loader layout with a code cache,
 * and shifts its source map (`mapFile`, if present) by the loader's lines.
 */
export async function embedCodeCache(file, { mapFile } = {}) {
  const built = await readFile(file, 'utf8');
  const payload = storablePayload(built.replace(/^#![^\n]*\n/, ''));
  const dir = await mkdtemp(join(tmpdir(), 'tpc-codecache-'));
  try {
    const stage = join(dir, 'terraform-provider-coder');
    await writeFile(stage, layout(payload, null));
    await chmod(stage, 0o755);
    const hook = join(dir, 'hook.cjs');
    await writeFile(hook, HOOK_FILE);

    // The warm-up driver is TypeScript (it shares the certificate code and the test client).
    const driver = join(dir, 'warmup.cjs');
    await build({
      absWorkingDir: root,
      entryPoints: [join(root, 'scripts/code-cache-warmup.ts')],
      outfile: driver,
      bundle: true,
      platform: 'node',
      target: 'node20',
      format: 'cjs',
      logLevel: 'error',
    });
    const cacheFile = join(dir, 'cache.bin');
    const warm = await run(process.execPath, [driver, stage, hook, cacheFile], { cwd: dir, env: { PATH: process.env.PATH ?? '', TMPDIR: dir, HOME: dir, TPC_WARMUP_DEPTH: process.env.TPC_WARMUP_DEPTH ?? '' } });
    if (warm.code !== 0) throw new Error(`code cache warm-up failed (exit ${warm.code ?? warm.signal}):\n${warm.err.slice(-3000)}`);
    const cache = await readFile(cacheFile);

    const final = layout(payload, cache);
    await writeFile(file, final);
    await chmod(file, 0o755);

    // A fresh process must accept the cache; otherwise the build would ship dead weight.
    const report = join(dir, 'report.json');
    const check = await run(process.execPath, ['-r', hook, file, '--version'], { env: { PATH: process.env.PATH ?? '', TPC_CODE_CACHE_REPORT: report } });
    if (check.code !== 0) throw new Error(`built executable failed --version:\n${check.err.slice(-2000)}`);
    const verdict = JSON.parse(await readFile(report, 'utf8'));
    if (!verdict.offered || verdict.rejected) throw new Error('V8 rejected the freshly built code cache');

    if (mapFile) {
      try {
        const map = JSON.parse(await readFile(mapFile, 'utf8'));
        // Lines before the bundle's first line: shebang, loader, opening marker, wrapper head.
        map.mappings = ';;;;' + map.mappings;
        await writeFile(mapFile, JSON.stringify(map));
      } catch (e) {
        if (e.code !== 'ENOENT') throw e;
      }
    }
    return { bytes: Buffer.byteLength(final), cacheBytes: cache.length, warmup: warm.err.trim(), nonAsciiChars: payload.nonAscii, nonAsciiSources: payload.nonAsciiSources };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
