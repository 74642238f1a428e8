/**
 * Entry point of the protocol layer: service definitions (in grpc-js's shape) for tfplugin5/tfplugin6 and the
 * go-plugin auxiliary services, and `registerProviderService` to serve a ProviderServer.
 */
import type * as grpc from '@grpc/grpc-js';
import { grpc as healthPb, plugin as pluginPb } from './generated/goplugin';
import type { ProviderServer } from './interface';
import { method, serviceDefinition, StopSource, type CallHooks } from './runtime';
import type * as V5 from './v5';
import type * as V6 from './v6';

export type { CallHooks } from './runtime';

// Each protocol's adapter and generated codecs (~400 KB of code each) load on first use, so a
// plugin process loads only the version it negotiated (measured: ~3 ms of CPU per start).
let v5: typeof V5 | undefined;
let v6: typeof V6 | undefined;
const loadV5 = (): typeof V5 => (v5 ??= require('./v5') as typeof V5);
const loadV6 = (): typeof V6 => (v6 ??= require('./v6') as typeof V6);

let v5Definition: grpc.ServiceDefinition | undefined;
let v6Definition: grpc.ServiceDefinition | undefined;

export function providerServiceDefinition(protocolVersion: 5 | 6): grpc.ServiceDefinition {
  if (protocolVersion === 5) {
    const { TFPLUGIN5_SERVICE, tfplugin5Methods } = loadV5();
    return (v5Definition ??= serviceDefinition(TFPLUGIN5_SERVICE, tfplugin5Methods, { tolerantRequests: true }));
  }
  const { TFPLUGIN6_SERVICE, tfplugin6Methods } = loadV6();
  return (v6Definition ??= serviceDefinition(TFPLUGIN6_SERVICE, tfplugin6Methods, { tolerantRequests: true }));
}

/**
 * A service definition that is built when first looked at (a definition is a plain object map,
 * so a proxy over it is indistinguishable to grpc-js), keeping the two exports below free.
 */
function definedOnFirstUse(version: 5 | 6): grpc.ServiceDefinition {
  const real = (): grpc.ServiceDefinition => providerServiceDefinition(version);
  return new Proxy({} as grpc.ServiceDefinition, {
    get: (_t, key) => Reflect.get(real(), key),
    has: (_t, key) => Reflect.has(real(), key),
    ownKeys: () => Reflect.ownKeys(real()),
    getOwnPropertyDescriptor: (_t, key) => {
      const d = Reflect.getOwnPropertyDescriptor(real(), key);
      return d && { ...d, configurable: true };
    },
  });
}

/** `/tfplugin5.Provider/<Method>`; keys are the wire method names (GetSchema, Stop, ...). */
export const tfplugin5ProviderService: grpc.ServiceDefinition = definedOnFirstUse(5);

/** `/tfplugin6.Provider/<Method>`; keys are the wire method names (GetProviderSchema, ...). */
export const tfplugin6ProviderService: grpc.ServiceDefinition = definedOnFirstUse(6);

/**
 * Service definitions (no handlers) for the services a go-plugin server exposes next to the
 * provider (plugin-protocol.md sec. 1.8). Implementations are keyed by method name:
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
const stopSources = new WeakMap<ServiceRegistrar, StopSource>();

function stopSourceFor(server: ServiceRegistrar): StopSource {
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
 *   ("Internal error in the provider", detail = the error message); the RPC itself succeeds. So
 *   does a request that is not a valid protobuf message.
 * - GetMetadata is derived from the schema; GetResourceIdentitySchemas and GetFunctions answer
 *   empty maps; the remaining optional RPCs (ephemeral, list, actions, state stores, functions,
 *   identity upgrade, config generation) answer UNIMPLEMENTED.
 * - `hooks.onCall(method, ms)` runs after each provider RPC with the wire method name.
 */
/** Where services are registered: our server (provider/plugin/grpc-server.ts) or grpc-js's. */
export interface ServiceRegistrar {
  addService(definition: grpc.ServiceDefinition, implementation: grpc.UntypedServiceImplementation): void;
}

export function registerProviderService(
  server: ServiceRegistrar,
  protocolVersion: 5 | 6,
  provider: ProviderServer,
  hooks?: { onCall?(method: string, ms: number): void },
): void {
  const env = { stop: stopSourceFor(server), hooks: hooks as CallHooks | undefined };
  if (protocolVersion === 5) server.addService(providerServiceDefinition(5), loadV5().createV5Implementation(provider, env));
  else if (protocolVersion === 6) server.addService(providerServiceDefinition(6), loadV6().createV6Implementation(provider, env));
  else throw new RangeError(`unsupported plugin protocol version ${String(protocolVersion)}`);
}
