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
import { embedCodeCache } from './code-cache.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

function parseArgs(argv) {
  const out = { outdir: join(root, 'dist'), providerModule: undefined, codeCache: true };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--no-code-cache') out.codeCache = false;
    else if (argv[i] === '--outdir' && argv[i + 1]) out.outdir = resolve(argv[++i]);
    else if (argv[i] === '--provider-module' && argv[i + 1]) out.providerModule = resolve(argv[++i]);
    else throw new Error(`unknown argument ${argv[i]} (usage: node scripts/build.mjs [--outdir DIR] [--provider-module FILE] [--no-code-cache])`);
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

export async function buildProvider({ outdir, providerModule, codeCache = true }) {
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
  // Loader + stored bundle + V8 code cache: start-up without compiling (scripts/code-cache.mjs).
  const cached = codeCache ? await embedCodeCache(outfile, { mapFile: `${outfile}.map` }) : undefined;
  const versioned = join(outdir, `terraform-provider-coder_v${version}`);
  await copyFile(outfile, versioned);
  await chmod(versioned, 0o755);
  const bytes = cached?.bytes ?? Object.values(result.metafile.outputs).find((o) => o.entryPoint)?.bytes ?? 0;
  return { outfile, versioned, bytes, cacheBytes: cached?.cacheBytes, nonAsciiSources: cached?.nonAsciiSources };
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const { outfile, versioned, bytes, cacheBytes, nonAsciiSources } = await buildProvider(parseArgs(process.argv.slice(2)));
    const cache = cacheBytes ? `, ${(cacheBytes / 1024).toFixed(0)} KiB of it code cache` : '';
    process.stderr.write(`built ${outfile} (${(bytes / 1024).toFixed(0)} KiB${cache}) and ${versioned}\n`);
    if (nonAsciiSources?.length) {
      process.stderr.write(
        `note: non-ASCII characters in ${nonAsciiSources.join(', ')} cost every provider start ~4 ms of CPU and ` +
          '2.5 MB of memory (the bundle source becomes a two-byte string); keep comments ASCII and write such characters in code as \\uXXXX\n',
      );
    }
  } catch (err) {
    process.stderr.write(`build failed: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exit(1);
  }
}
