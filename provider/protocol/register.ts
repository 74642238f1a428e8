/**
 * Entry point of the protocol layer: grpc-js service definitions for tfplugin5/tfplugin6 and the
 * go-plugin auxiliary services, and `registerProviderService` to serve a ProviderServer.
 */
import type * as grpc from '@grpc/grpc-js';
import { grpc as healthPb, plugin as pluginPb } from './generated/goplugin';
import type { ProviderServer } from './interface';
import { method, serviceDefinition, StopSource, type CallHooks } from './runtime';
import { createV5Implementation, tfplugin5Methods, TFPLUGIN5_SERVICE } from './v5';
import { createV6Implementation, tfplugin6Methods, TFPLUGIN6_SERVICE } from './v6';

export type { CallHooks } from './runtime';

/** `/tfplugin5.Provider/<Method>`; keys are the wire method names (GetSchema, Stop, ...). */
export const tfplugin5ProviderService: grpc.ServiceDefinition = serviceDefinition(TFPLUGIN5_SERVICE, tfplugin5Methods);

/** `/tfplugin6.Provider/<Method>`; keys are the wire method names (GetProviderSchema, ...). */
export const tfplugin6ProviderService: grpc.ServiceDefinition = serviceDefinition(TFPLUGIN6_SERVICE, tfplugin6Methods);

export function providerServiceDefinition(protocolVersion: 5 | 6): grpc.ServiceDefinition {
  return protocolVersion === 5 ? tfplugin5ProviderService : tfplugin6ProviderService;
}

/**
 * Service definitions (no handlers) for the services a go-plugin server exposes next to the
 * provider (plugin-protocol.md §1.8). Implementations are keyed by method name:
 * health {Check, Watch}, controller {Shutdown}, stdio {StreamStdio}, broker {StartStream}.
 * Messages are plain objects: HealthCheckResponse {status}, plugin.Empty {}, StdioData
 * {channel, data}, ConnInfo {serviceId, network, address, knock {knock, ack, error}}.
 */
export const goPluginServices: {
  readonly health: grpc.ServiceDefinition;
  readonly controller: grpc.ServiceDefinition;
  readonly stdio: grpc.ServiceDefinition;
  readonly broker: grpc.ServiceDefinition;
} = {
  health: serviceDefinition('grpc.health.v1.Health', [
    method('Check', 'unary', healthPb.health.v1.HealthCheckRequest, healthPb.health.v1.HealthCheckResponse),
    method('Watch', 'serverStream', healthPb.health.v1.HealthCheckRequest, healthPb.health.v1.HealthCheckResponse),
  ]),
  controller: serviceDefinition('plugin.GRPCController', [
    method('Shutdown', 'unary', pluginPb.Empty, pluginPb.Empty),
  ]),
  stdio: serviceDefinition('plugin.GRPCStdio', [
    method('StreamStdio', 'serverStream', pluginPb.Empty, pluginPb.StdioData),
  ]),
  broker: serviceDefinition('plugin.GRPCBroker', [
    method('StartStream', 'bidi', pluginPb.ConnInfo, pluginPb.ConnInfo),
  ]),
};

/** One stop source per gRPC server, shared if both protocol versions are registered on it. */
const stopSources = new WeakMap<grpc.Server, StopSource>();

function stopSourceFor(server: grpc.Server): StopSource {
  let source = stopSources.get(server);
  if (!source) {
    source = new StopSource();
    stopSources.set(server, source);
  }
  return source;
}

/**
 * Registers `tfplugin5.Provider` or `tfplugin6.Provider` on `server`, backed by `provider`.
 *
 * - Every call gets a CallContext whose signal aborts when StopProvider/Stop is called (for calls
 *   in flight at that moment) or when the client cancels the call.
 * - Anything the provider throws or rejects with becomes an error diagnostic in the response
 *   ("Internal error in the provider", detail = the error message); the RPC itself succeeds.
 * - GetMetadata is derived from the schema; GetResourceIdentitySchemas and GetFunctions answer
 *   empty maps; the remaining optional RPCs (ephemeral, list, actions, state stores, functions,
 *   identity upgrade, config generation) answer UNIMPLEMENTED.
 * - `hooks.onCall(method, ms)` runs after each provider RPC with the wire method name.
 */
export function registerProviderService(
  server: grpc.Server,
  protocolVersion: 5 | 6,
  provider: ProviderServer,
  hooks?: { onCall?(method: string, ms: number): void },
): void {
  const env = { stop: stopSourceFor(server), hooks: hooks as CallHooks | undefined };
  if (protocolVersion === 5) server.addService(tfplugin5ProviderService, createV5Implementation(provider, env));
  else if (protocolVersion === 6) server.addService(tfplugin6ProviderService, createV6Implementation(provider, env));
  else throw new RangeError(`unsupported plugin protocol version ${String(protocolVersion)}`);
}
