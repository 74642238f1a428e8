/**
 * plugin.GRPCBroker/StartStream (sec. 1.8). The go-plugin client opens it right after connecting;
 * Terraform providers never use the broker, so we accept the stream, ignore what arrives, and
 * close our side when the client closes its side (or at shutdown).
 */
import type * as grpc from '@grpc/grpc-js';
import type { OpenStreams } from './open-streams';

export function brokerHandlers(streams: OpenStreams): grpc.UntypedServiceImplementation {
  return {
    StartStream(call: grpc.ServerDuplexStream<unknown, unknown>): void {
      streams.add(call);
      call.on('data', () => {
        // Broker connection offers are meaningless for a provider; drop them.
      });
      call.on('end', () => {
        try {
          call.end();
        } catch {
          // Already closed.
        }
      });
    },
  };
}
