/**
 * plugin.GRPCStdio/StreamStdio (sec. 1.8). Go servers redirect their own stdout/stderr through this
 * stream; we do not (logs go straight to fd 2, stdout is guarded), so the stream carries no data
 * and simply stays open until shutdown - which keeps go-plugin >= 1.1 clients from logging
 * "stdio service not available".
 */
import type * as grpc from '@grpc/grpc-js';
import type { OpenStreams } from './open-streams';

export function stdioHandlers(streams: OpenStreams): grpc.UntypedServiceImplementation {
  return {
    StreamStdio(call: grpc.ServerWritableStream<unknown, unknown>): void {
      streams.add(call);
    },
  };
}
