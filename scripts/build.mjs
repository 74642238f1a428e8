#!/usr/bin/env node
// Bundles provider/plugin/main.ts into ONE executable CommonJS file that Terraform/OpenTofu can
// exec directly: dist/terraform-provider-coder (+ a registry-style copy
// dist/terraform-provider-coder_v<version>).
//
//   node scripts/build.mjs [--outdir DIR] [--provider-module FILE]
//
// --provider-module substitutes the module main.ts loads the provider factory from (it must export
// createCoderProvider). Only the plugin-process tests use it, to exercise the real entry point and
// build with a small fake provider.
//
// Why one file: Terraform runs exactly one executable, and a bundle avoids Node resolving hundreds
// of node_modules files at every launch (Terraform starts several provider processes per command).
import { build } from 'esbuild';
import { chmod, copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  const out = { outdir: join(root, 'dist'), providerModule: undefined };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--outdir' && argv[i + 1]) out.outdir = resolve(argv[++i]);
    else if (argv[i] === '--provider-module' && argv[i + 1]) out.providerModule = resolve(argv[++i]);
    else throw new Error(`unknown argument ${argv[i]} (usage: node scripts/build.mjs [--outdir DIR] [--provider-module FILE])`);
  }
  return out;
}

/** esbuild plugin: resolve main.ts's `../coder/provider` import to another file. */
function substituteProvider(file) {
  return {
    name: 'substitute-provider',
    setup(b) {
      b.onResolve({ filter: /^\.\.\/coder\/provider$/ }, (args) =>
        args.importer.endsWith(join('provider', 'plugin', 'main.ts')) ? { path: file } : undefined,
      );
    },
  };
}

export async function buildProvider({ outdir, providerModule }) {
  const { version } = JSON.parse(await readFile(join(root, 'package.json'), 'utf8'));
  const outfile = join(outdir, 'terraform-provider-coder');
  await mkdir(outdir, { recursive: true });
  await rm(outfile, { force: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: [join(root, 'provider/plugin/main.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // Not minified: a crash report's `file:line` then points at readable code under a
    // `// provider/...ts` banner. Measured: minifying (whitespace, syntax or full) made no
    // difference to start-up time, which is dominated by Node bootstrap and module evaluation.
    sourcemap: 'external',
    banner: { js: '#!/usr/bin/env node' },
    legalComments: 'none',
    logLevel: 'warning',
    metafile: true,
    plugins: providerModule ? [substituteProvider(providerModule)] : [],
  });
  await chmod(outfile, 0o755);
  const versioned = join(outdir, `terraform-provider-coder_v${version}`);
  await copyFile(outfile, versioned);
  await chmod(versioned, 0o755);
  const bytes = Object.values(result.metafile.outputs).find((o) => o.entryPoint)?.bytes ?? 0;
  return { outfile, versioned, bytes };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { outfile, versioned, bytes } = await buildProvider(parseArgs(process.argv.slice(2)));
    process.stderr.write(`built ${outfile} (${(bytes / 1024).toFixed(0)} KiB) and ${versioned}\n`);
  } catch (err) {
    process.stderr.write(`build failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}
