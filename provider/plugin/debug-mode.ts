/**
 * `--debug`: serve for a human-driven Terraform via TF_REATTACH_PROVIDERS (sec. 1.11).
 *
 * No cookie (a human starts us), plaintext (reattach clients never do AutoMTLS), protocol 6, and
 * the reattach line on stdout for the human to copy. Runs until Ctrl-C / SIGTERM; no parent watch,
 * since the shell that started us is not the client.
 */
import { OPENTOFU_PROVIDER_ADDRESS, PROVIDER_ADDRESS } from './constants';
import { writeFdSync } from './fd-write';
import { Lifecycle } from './lifecycle';
import { createLogger } from './logging';
import type { ProviderFactory } from './provider-factory';
import { serveOnPrivateSocket } from './private-socket-server';
import { installSignalHandlers } from './signals';
import { listenerSecurity } from './tls';

const DEBUG_PROTOCOL_VERSION = 6 as const;

export interface DebugModeContext {
  readonly env: NodeJS.ProcessEnv;
  readonly createProvider: ProviderFactory;
}

/** The value of TF_REATTACH_PROVIDERS for a server at `socketPath` in process `pid`. */
export function reattachConfig(socketPath: string, pid: number, address: string = PROVIDER_ADDRESS): string {
  return JSON.stringify({
    [address]: {
      Protocol: 'grpc',
      ProtocolVersion: DEBUG_PROTOCOL_VERSION,
      Pid: pid,
      // Test: Terraform must not kill a process it did not start.
      Test: true,
      Addr: { Network: 'unix', String: socketPath },
    },
  });
}

/**
 * The human-readable banner, modelled on terraform-plugin-go's debug output, plus the OpenTofu
 * variant (verified: OpenTofu ignores the registry.terraform.io key for `source = "coder/coder"`).
 */
export function reattachInstructions(socketPath: string, pid: number): string {
  return (
    'Provider started. To attach Terraform CLI, set the TF_REATTACH_PROVIDERS environment variable with the following:\n\n' +
    `\tTF_REATTACH_PROVIDERS='${reattachConfig(socketPath, pid)}'\n\n` +
    'For OpenTofu, whose default registry host differs, use instead:\n\n' +
    `\tTF_REATTACH_PROVIDERS='${reattachConfig(socketPath, pid, OPENTOFU_PROVIDER_ADDRESS)}'\n\n`
  );
}

export async function runDebugMode(ctx: DebugModeContext): Promise<number | undefined> {
  const logger = createLogger(ctx.env);
  const lifecycle = new Lifecycle({ logger });
  lifecycle.installProcessHooks();
  installSignalHandlers(lifecycle, logger, { ignoreInterrupt: false });
  try {
    const socketPath = await serveOnPrivateSocket({
      env: ctx.env,
      lifecycle,
      protocolVersion: DEBUG_PROTOCOL_VERSION,
      provider: ctx.createProvider(logger),
      security: listenerSecurity(undefined),
    });
    writeFdSync(1, reattachInstructions(socketPath, process.pid));
    return undefined;
  } catch (err) {
    logger.error('debug server failed to start', { error: err instanceof Error ? err.message : 'unknown error' });
    lifecycle.runCleanups();
    return 1;
  }
}
