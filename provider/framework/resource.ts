/**
 * What resource, data source and provider definitions implement. Definitions only see decoded
 * values and a context; the framework owns decoding, validation, defaults, planning, state shapes
 * and the protocol.
 */
import type { ObjectValue } from '../values/value';
import type { Diagnostic } from './diagnostics';
import type { TopSchema } from './schema';

/** Reads the provider process environment (CODER_* variables set by Coder's provisioner). */
export type Env = (name: string) => string | undefined;

/** Structured logger; callers must never pass secret values as message text or fields. */
export interface FrameworkLogger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
}

export interface Context<P> {
  /** The configured provider data (undefined before ConfigureProvider). */
  readonly provider: P;
  readonly env: Env;
  readonly logger: FrameworkLogger;
  readonly signal: AbortSignal;
}

export interface Result {
  readonly state: ObjectValue | null;
  readonly diagnostics?: readonly Diagnostic[];
}

export interface ResourceDefinition<P> {
  readonly typeName: string;
  readonly schema: TopSchema;
  /**
   * Plan-time checks (the SDK's CustomizeDiff) on create and update, never on destroy.
   * `changed` names the top-level members whose value differs from prior state (all of them on
   * create), because the Go provider only runs some checks when their block changed. `planned` is
   * the value as the SDK's ResourceDiff reads it: a set element without any value can be null
   * there (see diffView in server.ts).
   */
  customizeDiff?(planned: ObjectValue, changed: ReadonlySet<string>, ctx: Context<P>): readonly Diagnostic[];
  /**
   * Creates the object: receives the planned value (computed members unknown) and returns the new
   * state. Returning a state together with error diagnostics records a tainted object, as the SDK
   * does when Create fails after setting the ID.
   */
  create(planned: ObjectValue, ctx: Context<P>): Result;
  /** Refresh; the default returns the prior state unchanged. */
  read?(state: ObjectValue, ctx: Context<P>): Result;
}

export interface DataSourceDefinition<P> {
  readonly typeName: string;
  readonly schema: TopSchema;
  /**
   * Reads the data source from its config (defaults filled in). Returns the members it computed
   * (including `id`); configured values are echoed into state by the framework.
   */
  read(config: ObjectValue, ctx: Context<P>): Result;
}

export interface ProviderDefinition<P> {
  readonly schema: TopSchema;
  readonly resources: readonly ResourceDefinition<P>[];
  readonly dataSources: readonly DataSourceDefinition<P>[];
  /** Builds the provider data from the validated config (defaults filled in). */
  configure(config: ObjectValue, ctx: Omit<Context<P>, 'provider'>): { data?: P; diagnostics?: readonly Diagnostic[] };
  /** Provider data used when a resource is called in a process that was never configured. */
  unconfigured(): P;
}
