/**
 * The gRPC server: the provider service for the negotiated protocol plus go-plugin's auxiliary
 * services (health, controller, stdio, broker), served on one unix socket.
 *
 * We own the listening socket and hand each connection to the gRPC server (grpc-server.ts):
 * with AutoMTLS, a connection is wrapped in TLS and handed over only once the client has
 * authenticated (tls.ts explains why OpenSSL's chain check is not used); without it, as is.
 */
import { createServer as createNetServer, type Server as NetServer } from 'node:net';
import { createServer as createTlsServer } from 'node:tls';
import { goPluginServices, registerProviderService } from '../protocol/register';
import type { ProviderServer } from '../protocol/interface';
import { brokerHandlers } from './broker';
import { MAX_MESSAGE_BYTES, type AppProtocolVersion } from './constants';
import { controllerHandlers } from './controller';
import { GrpcServer } from './grpc-server';
import { healthHandlers } from './health';
import { OpenStreams } from './open-streams';
import { stdioHandlers } from './stdio';
import { acceptsPeer, tlsServerOptions, type ListenerSecurity } from './tls';

/**
 * How long a stop waits for the client to close its connection (go-plugin closes right after
 * Shutdown returns) before cutting every connection. Long enough to flush the Shutdown reply,
 * short enough to be gone long before go-plugin's 2 s SIGKILL deadline.
 */
export const STOP_GRACE_MS = 50;

export interface GrpcServerOptions {
  readonly protocolVersion: AppProtocolVersion;
  readonly provider: ProviderServer;
  /** Plaintext, or AutoMTLS with the client certificates to admit. */
  readonly security: ListenerSecurity;
  /** Absolute path of the unix socket to listen on. */
  readonly socketPath: string;
  /** GRPCController.Shutdown was called (after its reply was queued). */
  readonly onShutdownRequested: () => void;
  /** Passed through to the provider service registration (per-call instrumentation). */
  readonly hooks?: Parameters<typeof registerProviderService>[3];
}

export interface RunningGrpcServer {
  readonly server: GrpcServer;
  /** Ends our open streams, lets connections drain for at most `graceMs`, then cuts them. */
  stop(graceMs?: number): Promise<void>;
}

export function createGrpcServer(opts: Omit<GrpcServerOptions, 'security' | 'socketPath'>): {
  server: GrpcServer;
  streams: OpenStreams;
} {
  const server = new GrpcServer({ maxMessageBytes: MAX_MESSAGE_BYTES });
  const streams = new OpenStreams();
  registerProviderService(server, opts.protocolVersion, opts.provider, opts.hooks);
  server.addService(goPluginServices.health, healthHandlers(streams));
  server.addService(goPluginServices.controller, controllerHandlers(opts.onShutdownRequested));
  server.addService(goPluginServices.stdio, stdioHandlers(streams));
  server.addService(goPluginServices.broker, brokerHandlers(streams));
  return { server, streams };
}

function listen(listener: NetServer, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    listener.once('error', reject);
    listener.listen(path, () => {
      listener.off('error', reject);
      resolve();
    });
  });
}

/** Creates, registers and listens; resolves once the socket accepts connections. */
export async function startGrpcServer(opts: GrpcServerOptions): Promise<RunningGrpcServer> {
  const { server, streams } = createGrpcServer(opts);
  const { mtls } = opts.security;
  const listener: NetServer = mtls
    ? createTlsServer(tlsServerOptions(mtls), (socket) => {
        // After the handshake: admit the client certificates we were given, nobody else.
        if (acceptsPeer(socket, mtls)) server.injectConnection(socket);
        else socket.destroy();
      })
    : createNetServer((socket) => server.injectConnection(socket));
  try {
    await listen(listener, opts.socketPath);
  } catch (err) {
    listener.close();
    server.forceShutdown();
    throw err;
  }
  let stopping: Promise<void> | undefined;
  const stop = (graceMs = STOP_GRACE_MS): Promise<void> => {
    stopping ??= new Promise<void>((resolve) => {
      listener.close();
      streams.endAll();
      const timer = setTimeout(() => {
        server.forceShutdown();
        resolve();
      }, graceMs);
      server.tryShutdown(() => {
        clearTimeout(timer);
        resolve();
      });
    });
    return stopping;
  };
  return { server, stop };
}
