/**
 * Runs the command line and turns its outcome into the process's exit. Shared by the two ways the
 * executable starts: main.ts (the script bundle, run by node) and snapshot-main.ts (the release
 * executable, which resumes from a V8 startup snapshot).
 */
import { runCli } from './cli';
import { writePanic } from './panic';
import type { ProviderFactory } from './provider-factory';

export function startCli(args: readonly string[], loadProviderFactory: () => ProviderFactory): void {
  runCli(args, { env: process.env, loadProviderFactory }).then(
    (code) => {
      // Serving modes resolve undefined: the gRPC server keeps the event loop alive.
      if (code !== undefined) process.exit(code);
    },
    (err: unknown) => {
      // Only reachable before a mode installed its own crash handling.
      writePanic(err);
      process.exit(2);
    },
  );
}
