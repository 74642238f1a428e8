/**
 * `npm run docs`: renders the registry docs from schemas/coder.schema.json (written by
 * `npm run schema`) and examples/, the way tfplugindocs lays them out:
 *
 *   docs/index.md                       provider page (examples/provider/provider.tf)
 *   docs/resources/<name>.md            examples/resources/coder_<name>/resource.tf
 *   docs/data-sources/<name>.md         examples/data-sources/coder_<name>/data-source.tf
 *
 * Pages in docs/resources and docs/data-sources that no type produces any more are removed;
 * docs/guides is written by hand and left alone.
 *
 *   node scripts/run-ts.mjs scripts/gen-docs.ts [--check]
 *
 * --check  write nothing; exit 1 listing the pages that differ from a fresh rendering.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { renderRepoDocs, stalePages } from './gen-docs.render';

// scripts/run-ts.mjs runs a bundled copy from a temp dir and says where the checkout is.
const root = process.env.TPC_REPO_ROOT ?? resolve(__dirname, '..');

function main(argv: readonly string[]): number {
  const check = argv.includes('--check');
  const unknown = argv.filter((a) => a !== '--check');
  if (unknown.length > 0) {
    process.stderr.write(`gen-docs: unknown argument ${unknown[0]} (usage: gen-docs.ts [--check])\n`);
    return 2;
  }
  const pages = renderRepoDocs(root);
  const stale = stalePages(root, pages);
  const changed = [...pages].filter(([rel, text]) => {
    const file = join(root, 'docs', rel);
    return !existsSync(file) || readFileSync(file, 'utf8') !== text;
  });
  if (check) {
    if (changed.length === 0 && stale.length === 0) {
      process.stderr.write(`docs/ is up to date (${pages.size} pages)\n`);
      return 0;
    }
    for (const [rel] of changed) process.stderr.write(`out of date: docs/${rel}\n`);
    for (const rel of stale) process.stderr.write(`not generated: docs/${rel}\n`);
    process.stderr.write('run `npm run docs` (after `npm run schema` if the provider changed)\n');
    return 1;
  }
  for (const [rel, text] of changed) {
    const file = join(root, 'docs', rel);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  for (const rel of stale) rmSync(join(root, 'docs', rel));
  process.stderr.write(`docs/: ${pages.size} pages, ${changed.length} written, ${stale.length} removed\n`);
  return 0;
}

try {
  process.exitCode = main(process.argv.slice(2));
} catch (err) {
  process.stderr.write(`gen-docs: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
}
