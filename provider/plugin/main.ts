/**
 * Executable entry of `terraform-provider-coder` (bundled by scripts/build.mjs into one file with
 * a `#!/usr/bin/env node` shebang). This and snapshot-main.ts are the only places that import the
 * provider implementation; everything else under provider/plugin receives it as a factory.
 */
import type * as CoderProvider from '../coder/provider';
import { startCli } from './start';

// Lazy so that `--version`/`--help` do not load the provider; plugin mode loads it before the
// handshake, so the first RPC does not wait for it.
startCli(process.argv.slice(2), () => (require('../coder/provider') as typeof CoderProvider).createCoderProvider);
