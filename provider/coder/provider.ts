/**
 * The Coder provider: its configuration block and the list of resources and data sources.
 * `createCoderProvider` is what the plugin process serves.
 */
import type { ProviderServer } from '../protocol/interface';
import { FrameworkServer } from '../framework/server';
import type { ProviderDefinition } from '../framework/resource';
import { attr } from '../framework/schema';
import { errorDiag } from '../framework/diagnostics';
import { goQuote } from '../framework/go/quote';
import { parseGoUrl } from '../framework/go/url';
import { validUrl } from './validators';
import type { CoderProviderData } from './provider_data';
import { DEFAULT_ACCESS_URL } from './provider_data';
import { resources, dataSources } from './registry';
import { redactionNeedles, sensitiveEnvValues, withRedactedDiagnostics } from './redact';

/** The URL default: CODER_AGENT_URL when set and non-empty, else a placeholder deployment. */
const defaultUrl = (): string => process.env.CODER_AGENT_URL || DEFAULT_ACCESS_URL;

export const coderProvider: ProviderDefinition<CoderProviderData> = {
  schema: {
    version: 0,
    description: 'Provides the resources and data sources Coder templates use to describe workspaces.',
    attributes: {
      url: attr.string({
        optional: true,
        description: 'The URL of the Coder deployment agents connect to. Defaults to CODER_AGENT_URL.',
        defaultFunc: defaultUrl,
        validators: [validUrl],
      }),
    },
  },
  resources,
  dataSources,
  configure(config) {
    const raw = typeof config.url === 'string' ? config.url : defaultUrl();
    if (raw === '') return { diagnostics: [errorDiag(`CODER_AGENT_URL must not be empty; got ${goQuote(raw)}`)] };
    const parsed = parseGoUrl(raw);
    if (!parsed.ok) return { diagnostics: [errorDiag(parsed.error)] };
    return { data: { accessUrl: raw } };
  },
  unconfigured: () => ({ accessUrl: defaultUrl() }),
};

export interface CreateOptions {
  readonly logger?: { debug(m: string, f?: Record<string, unknown>): void; info(m: string, f?: Record<string, unknown>): void; warn(m: string, f?: Record<string, unknown>): void };
  readonly env?: (name: string) => string | undefined;
  /** Where the secrets to keep out of diagnostics are read from (redact.ts); default process.env. */
  readonly sensitiveEnv?: NodeJS.ProcessEnv;
}

export function createCoderProvider(logger?: CreateOptions['logger'], options: Omit<CreateOptions, 'logger'> = {}): ProviderServer {
  const { sensitiveEnv, ...rest } = options;
  const server = new FrameworkServer(coderProvider, { ...(logger ? { logger } : {}), ...rest });
  return withRedactedDiagnostics(server, redactionNeedles(sensitiveEnvValues(sensitiveEnv ?? process.env)));
}
