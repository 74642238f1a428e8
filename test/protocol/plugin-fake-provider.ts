/**
 * A tiny ProviderServer for the plugin-process tests, bundled in place of provider/coder/provider
 * (scripts/build.mjs --provider-module). Behaviour is keyed by the data source type name:
 * - "slow": answers after 1.5 s (an in-flight call while a signal arrives);
 * - "crash": throws asynchronously outside any RPC error boundary while the call is in flight;
 * - "log": writes to console and process.stdout (must never reach fd 1 in plugin mode);
 * - anything else: an empty state.
 */
import type { DiagnosticsResponse, ProviderServer, Schema } from '../../provider/protocol/interface';
import type { Logger } from '../../provider/plugin/logging';

const emptySchema: Schema = {
  version: 0,
  block: { attributes: [], blockTypes: [], description: '', descriptionKind: 'plain', deprecated: false },
};
const ok: DiagnosticsResponse = { diagnostics: [] };

export function createCoderProvider(logger: Logger): ProviderServer {
  const unsupported = async (): Promise<never> => {
    throw new Error('fake provider: not implemented');
  };
  return {
    getProviderSchema: async () => ({
      provider: emptySchema,
      providerMeta: emptySchema,
      resourceSchemas: {},
      dataSourceSchemas: { slow: emptySchema, crash: emptySchema, log: emptySchema },
      serverCapabilities: { planDestroy: false, getProviderSchemaOptional: false, moveResourceState: false, generateResourceConfig: false },
      diagnostics: [],
    }),
    validateProviderConfig: async () => ok,
    validateResourceConfig: async () => ok,
    validateDataResourceConfig: async () => ok,
    upgradeResourceState: unsupported,
    configureProvider: async () => ok,
    readResource: unsupported,
    planResourceChange: unsupported,
    applyResourceChange: unsupported,
    importResourceState: unsupported,
    moveResourceState: unsupported,
    readDataSource: async (req) => {
      if (req.typeName === 'slow') await new Promise((r) => setTimeout(r, 1500));
      if (req.typeName === 'crash') {
        // Crash while the call is still in flight, as a real bug in async provider code would.
        setTimeout(() => {
          throw new Error('fake provider crashed on purpose');
        }, 10);
        await new Promise((r) => setTimeout(r, 1000));
      }
      if (req.typeName === 'log') {
        logger.info('fake provider log line');
        process.stdout.write('stray stdout write\n');
        console.log('stray console.log');
      }
      return { diagnostics: [] };
    },
    stopProvider: async () => '',
  };
}
