/**
 * Plugin mode: how Terraform/OpenTofu run us (no arguments, go-plugin environment). The caller
 * (cli.ts) has already checked the magic cookie.
 *
 * Order matters: guard stdout, negotiate, prepare TLS and the provider, bind, and only then print
 * the handshake - the client dials as soon as it reads the line.
 */
import { writeFdSync } from './fd-write';
import { formatHandshakeLine } from './handshake';
import { Lifecycle } from './lifecycle';
import { createLogger, type Logger } from './logging';
import { watchParent } from './parent-watch';
import { MAX_PROTOCOL_ENV, chooseProtocolVersion } from './protocol-version';
import type { ProviderFactory } from './provider-factory';
import { serveOnPrivateSocket } from './private-socket-server';
import { installSignalHandlers } from './signals';
import { guardStdout } from './stdout-guard';
import { tuneHeapForServing } from './heap-tuning';
import { listenerSecurity } from './tls';

export interface PluginModeContext {
  readonly env: NodeJS.ProcessEnv;
  readonly createProvider: ProviderFactory;
}

/** Resolves with an exit code on failure, or `undefined` once serving (the process stays up). */
export async function runPluginMode(ctx: PluginModeContext): Promise<number | undefined> {
  const logger = createLogger(ctx.env);
  guardStdout(logger);
  const lifecycle = new Lifecycle({ logger });
  lifecycle.installProcessHooks();
  // Before anything touches the disk, so a SIGTERM during start-up still cleans up.
  installSignalHandlers(lifecycle, logger, { ignoreInterrupt: true });
  try {
    await serve(ctx, logger, lifecycle);
  } catch (err) {
    logger.error('plugin failed to start', { error: err instanceof Error ? err.message : 'unknown error' });
    lifecycle.runCleanups();
    return 1;
  }
  watchParent(() => void lifecycle.shutdown(0, 'parent process exited'));
  return undefined;
}

async function serve(ctx: PluginModeContext, logger: Logger, lifecycle: Lifecycle): Promise<void> {
  const choice = chooseProtocolVersion(ctx.env.PLUGIN_PROTOCOL_VERSIONS, ctx.env[MAX_PROTOCOL_ENV]);
  for (const entry of choice.invalid) {
    logger.warn('ignoring invalid entry in PLUGIN_PROTOCOL_VERSIONS', { entry });
  }
  if (!choice.matched) {
    logger.warn('client offers no protocol version we serve; answering with ours so it can report the mismatch', {
      offered: ctx.env.PLUGIN_PROTOCOL_VERSIONS ?? '',
      answered: choice.version,
    });
  }
  if (ctx.env.PLUGIN_MULTIPLEX_GRPC || ctx.env.PLUGIN_UNIX_SOCKET_GROUP) {
    logger.warn('ignoring go-plugin options Terraform never sets', {
      PLUGIN_MULTIPLEX_GRPC: Boolean(ctx.env.PLUGIN_MULTIPLEX_GRPC),
      PLUGIN_UNIX_SOCKET_GROUP: Boolean(ctx.env.PLUGIN_UNIX_SOCKET_GROUP),
    });
  }

  const security = listenerSecurity(ctx.env.PLUGIN_CLIENT_CERT);
  const socketPath = await serveOnPrivateSocket({
    env: ctx.env,
    lifecycle,
    protocolVersion: choice.version,
    provider: ctx.createProvider(logger),
    security,
  });

  writeFdSync(
    1,
    formatHandshakeLine({
      appProtocol: choice.version,
      network: 'unix',
      address: socketPath,
      serverCertDer: security.serverCertDer,
    }),
  );
  logger.debug('plugin serving', { protocol: choice.version, network: 'unix', tls: security.serverCertDer !== undefined });
  tuneHeapForServing();
}
