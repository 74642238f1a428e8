/**
 * How the plugin layer obtains a provider: main.ts passes the one real factory in, tests pass fakes.
 */
import type { ProviderServer } from '../protocol/interface';
import type { Logger } from './logging';

export type ProviderFactory = (logger: Logger) => ProviderServer;
