/**
 * plugin.GRPCController/Shutdown (sec. 1.8, sec. 1.10): the go-plugin client calls it at the end of every
 * provider use. Without it the client waits 2 s per provider process and then SIGKILLs it, so it
 * must reply and then exit promptly.
 */
import type * as grpc from '@grpc/grpc-js';

export function controllerHandlers(onShutdown: () => void): grpc.UntypedServiceImplementation {
  return {
    Shutdown(_call: grpc.ServerUnaryCall<unknown, unknown>, callback: grpc.sendUnaryData<Record<string, never>>): void {
      callback(null, {});
      // After the reply is queued: the exit sequence gives it a moment to flush.
      onShutdown();
    },
  };
}
