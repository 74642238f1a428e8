/**
 * Routes grpc-js' internal diagnostics into our logger. By default grpc-js prints with
 * console.error as raw text, which go-plugin would re-log at DEBUG without structure.
 */
import * as grpc from '@grpc/grpc-js';
import { format } from 'node:util';
import type { Logger } from './logging';

export function routeGrpcLogs(logger: Logger): void {
  const log = logger.with({ component: 'grpc-js' });
  grpc.setLogger({
    error: (...args: unknown[]) => log.warn(format(...args)),
    info: (...args: unknown[]) => log.debug(format(...args)),
    debug: (...args: unknown[]) => log.trace(format(...args)),
  });
}
