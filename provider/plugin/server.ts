/**
 * The gRPC server: the provider service for the negotiated protocol plus go-plugin's auxiliary
 * services (health, controller, stdio, broker), bound to one unix socket.
 */
import * as grpc from '@grpc/grpc-js';
import { goPluginServices, registerProviderService } from '../protocol/register';
import type { ProviderServer } from '../protocol/interface';
import { brokerHandlers } from './broker';
import { MAX_MESSAGE_BYTES, type AppProtocolVersion } from './constants';
import { controllerHandlers } from './controller';
import { healthHandlers } from './health';
import { OpenStreams } from './open-streams';
import { stdioHandlers } from './stdio';

/**
 * How long a stop waits for the client to close its connection (go-plugin closes right after
 * Shutdown returns) before cutting every connection. Long enough to flush the Shutdown reply,
 * short enough to be gone long before go-plugin's 2 s SIGKILL deadline.
 */
export const STOP_GRACE_MS = 50;

export interface GrpcServerOptions {
  readonly protocolVersion: AppProtocolVersion;
  readonly provider: ProviderServer;
  readonly credentials: grpc.ServerCredentials;
  /** grpc-js bind target, e.g. `unix:/tmp/tpc-abc/plugin.sock`. */
  readonly target: string;
  /** GRPCController.Shutdown was called (after its reply was queued). */
  readonly onShutdownRequested: () => void;
  /** Passed through to the provider service registration (per-call instrumentation). */
  readonly hooks?: Parameters<typeof registerProviderService>[3];
}

export interface RunningGrpcServer {
  readonly server: grpc.Server;
  /** Ends our open streams, lets connections drain for at most `graceMs`, then cuts them. */
  stop(graceMs?: number): Promise<void>;
}

export function grpcServerOptions(): grpc.ServerOptions {
  return {
    'grpc.max_receive_message_length': MAX_MESSAGE_BYTES,
    'grpc.max_send_message_length': MAX_MESSAGE_BYTES,
  };
}

export function createGrpcServer(opts: Omit<GrpcServerOptions, 'credentials' | 'target'>): {
  server: grpc.Server;
  streams: OpenStreams;
} {
  const server = new grpc.Server(grpcServerOptions());
  const streams = new OpenStreams();
  registerProviderService(server, opts.protocolVersion, opts.provider, opts.hooks);
  server.addService(goPluginServices.health, healthHandlers(streams));
  server.addService(goPluginServices.controller, controllerHandlers(opts.onShutdownRequested));
  server.addService(goPluginServices.stdio, stdioHandlers(streams));
  server.addService(goPluginServices.broker, brokerHandlers(streams));
  return { server, streams };
}

function bind(server: grpc.Server, target: string, credentials: grpc.ServerCredentials): Promise<void> {
  return new Promise((resolve, reject) => {
    server.bindAsync(target, credentials, (err) => (err ? reject(err) : resolve()));
  });
}

/** Creates, registers and binds; resolves once the socket accepts connections. */
export async function startGrpcServer(opts: GrpcServerOptions): Promise<RunningGrpcServer> {
  const { server, streams } = createGrpcServer(opts);
  try {
    await bind(server, opts.target, opts.credentials);
  } catch (err) {
    server.forceShutdown();
    throw err;
  }
  let stopping: Promise<void> | undefined;
  const stop = (graceMs = STOP_GRACE_MS): Promise<void> => {
    stopping ??= new Promise<void>((resolve) => {
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
