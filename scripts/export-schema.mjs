#!/usr/bin/env node
// Writes schemas/coder.schema.json: the provider's schema in the `providers schema -json` format,
// printed by the built provider itself (`dist/terraform-provider-coder schema`); no terraform or
// tofu needed. `npm run schema` builds first, then runs this.
//
//   node scripts/export-schema.mjs [--check] [--bin FILE]
//
// --check  compare instead of writing: exit 1 (and say so) when the file is missing or stale.
// --bin    the provider executable to ask (default dist/terraform-provider-coder).
//
// The docs (npm run docs) are rendered from this file, so run this first after a schema change.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const SCHEMA_FILE = join(root, 'schemas', 'coder.schema.json');

function parseArgs(argv) {
  const out = { check: false, bin: join(root, 'dist', 'terraform-provider-coder') };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--check') out.check = true;
    else if (argv[i] === '--bin' && argv[i + 1]) out.bin = resolve(argv[++i]);
    else throw new Error(`unknown argument ${argv[i]} (usage: node scripts/export-schema.mjs [--check] [--bin FILE])`);
  }
  return out;
}

/** The schema JSON text the provider executable prints. */
export function exportSchema(bin) {
  if (!existsSync(bin)) throw new Error(`${relative(root, bin)} is missing: run \`npm run build\` first`);
  // Only a clean environment's basics: the schema must not depend on CODER_* or TF_* settings.
  const env = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '' };
  const r = spawnSync(bin, ['schema'], { encoding: 'utf8', env, maxBuffer: 64 * 1024 * 1024 });
  if (r.error) throw r.error;
  if (r.status !== 0) throw new Error(`${relative(root, bin)} schema exited ${r.status}: ${r.stderr.trim()}`);
  JSON.parse(r.stdout); // refuse to write anything that is not JSON
  return r.stdout;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { check, bin } = parseArgs(process.argv.slice(2));
    const text = exportSchema(bin);
    const rel = relative(root, SCHEMA_FILE);
    if (check) {
      const current = existsSync(SCHEMA_FILE) ? readFileSync(SCHEMA_FILE, 'utf8') : undefined;
      if (current !== text) {
        process.stderr.write(`${rel} is ${current === undefined ? 'missing' : 'out of date'}: run \`npm run schema\`\n`);
        process.exit(1);
      }
      process.stderr.write(`${rel} is up to date\n`);
    } else {
      mkdirSync(dirname(SCHEMA_FILE), { recursive: true });
      writeFileSync(SCHEMA_FILE, text);
      const doc = JSON.parse(text);
      const p = Object.values(doc.provider_schemas)[0];
      process.stderr.write(
        `wrote ${rel} (${text.length} bytes; ${Object.keys(p.resource_schemas).length} resources, ${Object.keys(p.data_source_schemas).length} data sources)\n`,
      );
    }
  } catch (err) {
    process.stderr.write(`export-schema: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}
