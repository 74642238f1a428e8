/**
 * Command-line dispatch for the `terraform-provider-coder` executable.
 *
 * No arguments is how Terraform/OpenTofu start us (plugin mode) and must stay the default. Every
 * other entry is for humans. Modes are loaded lazily (`require` inside the runner) so that e.g.
 * `--version` does not pay for loading gRPC and the provider; in plugin mode everything loaded is
 * needed by the first RPC anyway.
 *
 * Adding a subcommand (e.g. `check`, `install`): add an entry to SUBCOMMANDS; it receives the
 * remaining arguments and returns an exit code (or undefined to keep the process running).
 */
import { BINARY_NAME, PROVIDER_VERSION } from './constants';
import { hasMagicCookie, REFUSAL_TEXT } from './cookie';
import { writeFdSync } from './fd-write';
import type { ProviderFactory } from './provider-factory';

export interface CliContext {
  readonly env: NodeJS.ProcessEnv;
  /** Loads the provider factory on demand (the only import of the provider lives in main.ts). */
  readonly loadProviderFactory: () => ProviderFactory;
}

/** An exit code, or undefined when the command keeps serving (the event loop keeps us alive). */
export type CommandResult = number | undefined;

export interface Subcommand {
  readonly summary: string;
  run(args: readonly string[], ctx: CliContext): Promise<CommandResult>;
}

/** Future subcommands dispatched by argv[2]. */
export const SUBCOMMANDS: Readonly<Record<string, Subcommand>> = {
  schema: {
    summary: 'print the provider schema as `providers schema -json` JSON',
    run: (args, ctx) => (require('./schema-command') as typeof import('./schema-command')).runSchemaCommand(args, ctx),
  },
  install: {
    summary: 'install this provider into a filesystem mirror for terraform/tofu (install --help)',
    run: async (args) => (require('../install/install') as typeof import('../install/install')).runInstall(args),
  },
  check: {
    summary: 'validate Coder templates without a Coder server (check --help)',
    run: (args, ctx) => (require('../check/command') as typeof import('../check/command')).runCheckCommand(args, ctx),
  },
};

export function usage(): string {
  const lines = [
    `Usage: ${BINARY_NAME} [--debug | --version | --help${Object.keys(SUBCOMMANDS).length ? ' | <command> [args]' : ''}]`,
    '',
    'Without arguments the program runs as a Terraform/OpenTofu provider plugin; it is meant to be',
    'started by terraform or tofu, not by hand.',
    '',
    '  --debug     serve without the plugin handshake and print TF_REATTACH_PROVIDERS for attaching',
    '  --version   print the provider version',
    '  --help      print this help',
  ];
  for (const [name, cmd] of Object.entries(SUBCOMMANDS)) lines.push(`  ${name.padEnd(10)}  ${cmd.summary}`);
  return lines.join('\n') + '\n';
}

export async function runCli(args: readonly string[], ctx: CliContext): Promise<CommandResult> {
  const [first, ...rest] = args;
  switch (first) {
    case undefined: {
      // Checked before loading anything heavy: a human running the binary gets go-plugin's
      // refusal instantly, and nothing on stdout.
      if (!hasMagicCookie(ctx.env)) {
        writeFdSync(2, REFUSAL_TEXT);
        return 1;
      }
      const { runPluginMode } = require('./plugin-mode') as typeof import('./plugin-mode');
      return runPluginMode({ env: ctx.env, createProvider: ctx.loadProviderFactory() });
    }
    case '--debug':
    case '-debug': {
      const { runDebugMode } = require('./debug-mode') as typeof import('./debug-mode');
      return runDebugMode({ env: ctx.env, createProvider: ctx.loadProviderFactory() });
    }
    case '--version':
    case '-version':
    case 'version':
      writeFdSync(1, `${BINARY_NAME} v${PROVIDER_VERSION}\n`);
      return 0;
    case '--help':
    case '-help':
    case '-h':
    case 'help':
      writeFdSync(1, usage());
      return 0;
    default: {
      const sub = Object.prototype.hasOwnProperty.call(SUBCOMMANDS, first) ? SUBCOMMANDS[first] : undefined;
      if (sub) return sub.run(rest, ctx);
      writeFdSync(2, `${BINARY_NAME}: unknown command or flag "${first}"\n\n${usage()}`);
      return 2;
    }
  }
}
