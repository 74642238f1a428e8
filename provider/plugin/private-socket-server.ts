/**
 * Serve the gRPC server on a unix socket in a fresh private directory, wired into the process
 * lifecycle: the directory is removed on every exit path, GRPCController.Shutdown ends the
 * process, and the socket is restricted to its owner before anyone is told where it is.
 */
import type { ProviderServer } from '../protocol/interface';
import type { AppProtocolVersion } from './constants';
import type { Lifecycle } from './lifecycle';
import { createSocketLocation, removeSocketLocation, restrictSocket } from './listener';
import { startGrpcServer } from './server';
import type { ListenerSecurity } from './tls';

export interface PrivateSocketServerOptions {
  readonly env: NodeJS.ProcessEnv;
  readonly lifecycle: Lifecycle;
  readonly protocolVersion: AppProtocolVersion;
  readonly provider: ProviderServer;
  readonly security: ListenerSecurity;
}

/** Resolves with the socket path once the server accepts connections. */
export async function serveOnPrivateSocket(opts: PrivateSocketServerOptions): Promise<string> {
  const socket = createSocketLocation(opts.env);
  // Registered before binding, so even a failed bind or an early SIGTERM removes the directory.
  opts.lifecycle.addCleanup(() => removeSocketLocation(socket));
  const running = await startGrpcServer({
    protocolVersion: opts.protocolVersion,
    provider: opts.provider,
    security: opts.security,
    socketPath: socket.path,
    onShutdownRequested: () => void opts.lifecycle.shutdown(0, 'GRPCController.Shutdown'),
  });
  opts.lifecycle.setStopper(() => running.stop());
  restrictSocket(socket.path);
  return socket.path;
}
