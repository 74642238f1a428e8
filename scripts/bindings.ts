/**
 * `npm run bindings`: regenerates the cdktn bindings in bindings/cdktf/src from the provider's
 * schema, compiles them and refreshes the copy examples/cdktf installed.
 *
 *   node scripts/run-ts.mjs scripts/bindings.ts            regenerate, build, refresh the example
 *   node scripts/run-ts.mjs scripts/bindings.ts --check    exit 1 if src/ differs from a fresh generation
 *   node scripts/run-ts.mjs scripts/bindings.ts --install  install both packages (CI) and build lib/
 *
 * The work is in bindings.lib.ts (shared with test/e2e/cdktf.test.ts).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  BINDINGS_SRC,
  buildBindings,
  diffTrees,
  ensureInstalled,
  BINDINGS_DIR,
  generateBindings,
  listFiles,
  prepareCdktfExample,
  schemaForBindings,
} from './bindings.lib';

async function main(argv: string[]): Promise<number> {
  const log = (s: string): void => void process.stderr.write(`${s}\n`);
  if (argv.includes('--install')) {
    prepareCdktfExample();
    log('bindings/cdktf and examples/cdktf installed; bindings compiled');
    return 0;
  }
  ensureInstalled(BINDINGS_DIR);
  const { doc, source } = await schemaForBindings();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'tpc-bindings-out-'));
  try {
    const out = path.join(tmp, 'src');
    generateBindings(doc, out);
    const changed = diffTrees(out, BINDINGS_SRC);
    if (argv.includes('--check')) {
      if (changed.length === 0) {
        log(`bindings/cdktf/src matches ${source}`);
        return 0;
      }
      log(`bindings/cdktf/src is out of date with ${source} (run \`npm run bindings\`):\n  ${changed.join('\n  ')}`);
      return 1;
    }
    fs.rmSync(BINDINGS_SRC, { recursive: true, force: true });
    fs.cpSync(out, BINDINGS_SRC, { recursive: true });
    log(`generated ${listFiles(BINDINGS_SRC).length} files in bindings/cdktf/src from ${source} (${changed.length} changed)`);
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
  buildBindings();
  prepareCdktfExample();
  log('compiled bindings/cdktf/lib; examples/cdktf has the current copy');
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`bindings: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  },
);
