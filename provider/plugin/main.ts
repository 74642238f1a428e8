/**
 * Executable entry of `terraform-provider-coder` (bundled by scripts/build.mjs into one file with
 * a `#!/usr/bin/env node` shebang). This is the ONLY place that imports the provider
 * implementation; everything under provider/plugin receives it as a factory.
 */
import type * as CoderProvider from '../coder/provider';
import { runCli } from './cli';
import type { ProviderFactory } from './provider-factory';

// Lazy so that `--version`/`--help` do not load the provider; plugin mode loads it before the
// handshake, so the first RPC does not wait for it.
const loadProviderFactory = (): ProviderFactory =>
  (require('../coder/provider') as typeof CoderProvider).createCoderProvider;

runCli(process.argv.slice(2), { env: process.env, loadProviderFactory }).then(
  (code) => {
    // Serving modes resolve undefined: the gRPC server keeps the event loop alive.
    if (code !== undefined) process.exit(code);
  },
  (err: unknown) => {
    // Only reachable before a mode installed its own crash handling.
    const { writePanic } = require('./panic') as typeof import('./panic');
    writePanic(err);
    process.exit(2);
  },
);
