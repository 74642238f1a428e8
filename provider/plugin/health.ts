/**
 * grpc.health.v1.Health (sec. 1.8). go-plugin's `Client.Ping()` checks service "plugin"; Terraform and
 * OpenTofu never call it, other go-plugin hosts may.
 */
import type * as grpc from '@grpc/grpc-js';
import { GrpcStatus } from '../protocol/grpc-status';
import type { OpenStreams } from './open-streams';

/** HealthCheckResponse.ServingStatus */
export const ServingStatus = { UNKNOWN: 0, SERVING: 1, NOT_SERVING: 2, SERVICE_UNKNOWN: 3 } as const;

/** Service names we report on: go-plugin registers "plugin"; grpc-go's health server adds "" (overall). */
const KNOWN_SERVICES = new Set(['', 'plugin']);

interface HealthCheckRequest {
  service?: string;
}
interface HealthCheckResponse {
  status: number;
}

export function healthHandlers(streams: OpenStreams): grpc.UntypedServiceImplementation {
  return {
    Check(
      call: grpc.ServerUnaryCall<HealthCheckRequest, HealthCheckResponse>,
      callback: grpc.sendUnaryData<HealthCheckResponse>,
    ): void {
      const service = call.request?.service ?? '';
      if (KNOWN_SERVICES.has(service)) callback(null, { status: ServingStatus.SERVING });
      // The standard health protocol answers NOT_FOUND for a service it does not know.
      else callback({ code: GrpcStatus.NOT_FOUND, details: 'unknown service' });
    },

    /** Reports once and stays open until shutdown (the status never changes while we run). */
    Watch(call: grpc.ServerWritableStream<HealthCheckRequest, HealthCheckResponse>): void {
      const service = call.request?.service ?? '';
      streams.add(call);
      call.write({ status: KNOWN_SERVICES.has(service) ? ServingStatus.SERVING : ServingStatus.SERVICE_UNKNOWN });
    },
  };
}
