#!/usr/bin/env node
// Generates the TypeScript bindings of this package from a provider schema document (the JSON
// `tofu providers schema -json` prints, optionally with `provider_versions`), offline:
//
//   node scripts/generate.js --schema coder.schema.json --out src
//
// The generator writes <tmp>/providers/coder/**; that subtree replaces the --out directory.
// Run from the repository root as `npm run bindings`, which also produces the schema.
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

function parseArgs(argv) {
  const out = {};
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if ((a === '--schema' || a === '--out') && argv[i + 1]) out[a.slice(2)] = path.resolve(argv[++i]);
    else throw new Error(`unknown argument ${a} (usage: generate.js --schema FILE --out DIR)`);
  }
  if (!out.schema || !out.out) throw new Error('usage: generate.js --schema FILE --out DIR');
  return out;
}

async function main() {
  const args = parseArgs(process.argv.slice(2));
  const schema = JSON.parse(fs.readFileSync(args.schema, 'utf8'));
  const addresses = Object.keys(schema.provider_schemas || {});
  if (addresses.length !== 1) throw new Error(`expected one provider in ${args.schema}, found ${addresses.length}`);
  const type = addresses[0].split('/').pop();
  // Loaded here, not at the top: @cdktn/commons runs `terraform version -json` as it loads, and
  // the caller sets the environment that keeps that quiet.
  const { generateProviderBindingsFromSchema } = require('@cdktn/provider-generator');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'cdktn-gen-'));
  try {
    await generateProviderBindingsFromSchema(tmp, schema);
    const generated = path.join(tmp, 'providers', type);
    if (!fs.existsSync(path.join(generated, 'index.ts'))) throw new Error(`the generator wrote no ${type} bindings`);
    fs.rmSync(args.out, { recursive: true, force: true });
    fs.mkdirSync(path.dirname(args.out), { recursive: true });
    fs.cpSync(generated, args.out, { recursive: true });
  } finally {
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

main().then(
  () => process.exit(0),
  (err) => {
    process.stderr.write(`generate.js: ${err && err.stack ? err.stack : err}\n`);
    process.exit(1);
  },
);
