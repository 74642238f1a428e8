/**
 * The one internal interface that both protocol adapters (tfplugin5, tfplugin6) translate to.
 *
 * It mirrors the protocol's shape closely (so the adapters stay thin) but drops the per-version
 * naming differences (PrepareProviderConfig vs ValidateProviderConfig, GetSchema vs
 * GetProviderSchema, ...). Values stay encoded (`DynamicValueBytes`): only the framework knows
 * the schema type needed to decode them.
 */
import type { CtyType } from '../values/types';

export interface DynamicValueBytes {
  msgpack?: Uint8Array;
  json?: Uint8Array;
}

export type PathStep =
  | { readonly attribute: string }
  | { readonly key: string }
  | { readonly index: number };
export type AttributePath = readonly PathStep[];

export type Severity = 'error' | 'warning';

export interface Diagnostic {
  readonly severity: Severity;
  readonly summary: string;
  readonly detail?: string;
  readonly path?: AttributePath;
}

export type StringKind = 'plain' | 'markdown';
export type NestingMode = 'single' | 'list' | 'set' | 'map' | 'group';

export interface SchemaAttribute {
  readonly name: string;
  /** Set for ordinary attributes. */
  readonly type?: CtyType;
  /** Protocol 6 nested attributes (not used by the Coder schema, kept for completeness). */
  readonly nestedType?: SchemaObject;
  readonly description: string;
  readonly descriptionKind: StringKind;
  readonly required: boolean;
  readonly optional: boolean;
  readonly computed: boolean;
  readonly sensitive: boolean;
  readonly deprecated: boolean;
  /** Shown by the CLI for deprecated attributes (Terraform >= 1.15 and `providers schema -json`). */
  readonly deprecationMessage?: string;
  readonly writeOnly: boolean;
}

export interface SchemaObject {
  readonly attributes: readonly SchemaAttribute[];
  readonly nesting: Exclude<NestingMode, 'group'>;
}

export interface SchemaBlock {
  readonly attributes: readonly SchemaAttribute[];
  readonly blockTypes: readonly SchemaNestedBlock[];
  readonly description: string;
  readonly descriptionKind: StringKind;
  readonly deprecated: boolean;
  readonly deprecationMessage?: string;
}

export interface SchemaNestedBlock {
  readonly typeName: string;
  readonly block: SchemaBlock;
  readonly nesting: NestingMode;
  readonly minItems: number;
  readonly maxItems: number;
}

export interface Schema {
  readonly version: number;
  readonly block: SchemaBlock;
}

export interface ServerCapabilities {
  readonly planDestroy: boolean;
  readonly getProviderSchemaOptional: boolean;
  readonly moveResourceState: boolean;
  readonly generateResourceConfig: boolean;
}

export interface ClientCapabilities {
  readonly deferralAllowed: boolean;
  readonly writeOnlyAttributesAllowed: boolean;
}

export interface GetProviderSchemaResponse {
  readonly provider: Schema;
  readonly providerMeta: Schema;
  readonly resourceSchemas: Readonly<Record<string, Schema>>;
  readonly dataSourceSchemas: Readonly<Record<string, Schema>>;
  readonly serverCapabilities: ServerCapabilities;
  readonly diagnostics: readonly Diagnostic[];
}

/** Per-call context: `signal` aborts when Terraform calls StopProvider or the call is cancelled. */
export interface CallContext {
  readonly signal: AbortSignal;
  /**
   * Whether `signal` has aborted, without creating it (the gRPC layer makes the signal lazily,
   * see openCallContext): cheap enough to ask in loops. Optional for contexts made by hand.
   */
  stopped?(): boolean;
}

export interface DiagnosticsResponse {
  readonly diagnostics: readonly Diagnostic[];
}

export interface ValidateProviderConfigRequest {
  readonly config: DynamicValueBytes;
}
export interface ValidateProviderConfigResponse extends DiagnosticsResponse {
  /** Only used by protocol 5 (PrepareProviderConfig.prepared_config); Terraform ignores it. */
  readonly preparedConfig?: DynamicValueBytes;
}

export interface ValidateResourceConfigRequest {
  readonly typeName: string;
  readonly config: DynamicValueBytes;
  readonly clientCapabilities?: ClientCapabilities;
}

export interface ValidateDataResourceConfigRequest {
  readonly typeName: string;
  readonly config: DynamicValueBytes;
}

export interface RawState {
  readonly json?: Uint8Array;
  readonly flatmap?: Readonly<Record<string, string>>;
}

export interface UpgradeResourceStateRequest {
  readonly typeName: string;
  readonly version: number;
  readonly rawState: RawState;
}
export interface UpgradeResourceStateResponse extends DiagnosticsResponse {
  readonly upgradedState?: DynamicValueBytes;
}

export interface ConfigureProviderRequest {
  readonly terraformVersion: string;
  readonly config: DynamicValueBytes;
  readonly clientCapabilities?: ClientCapabilities;
}

export interface ReadResourceRequest {
  readonly typeName: string;
  readonly currentState: DynamicValueBytes;
  readonly private: Uint8Array;
  readonly providerMeta?: DynamicValueBytes;
  readonly clientCapabilities?: ClientCapabilities;
}
export interface ReadResourceResponse extends DiagnosticsResponse {
  readonly newState?: DynamicValueBytes;
  readonly private?: Uint8Array;
}

export interface PlanResourceChangeRequest {
  readonly typeName: string;
  readonly priorState: DynamicValueBytes;
  readonly proposedNewState: DynamicValueBytes;
  readonly config: DynamicValueBytes;
  readonly priorPrivate: Uint8Array;
  readonly providerMeta?: DynamicValueBytes;
  readonly clientCapabilities?: ClientCapabilities;
}
export interface PlanResourceChangeResponse extends DiagnosticsResponse {
  readonly plannedState?: DynamicValueBytes;
  readonly requiresReplace: readonly AttributePath[];
  readonly plannedPrivate?: Uint8Array;
  readonly legacyTypeSystem: boolean;
}

export interface ApplyResourceChangeRequest {
  readonly typeName: string;
  readonly priorState: DynamicValueBytes;
  readonly plannedState: DynamicValueBytes;
  readonly config: DynamicValueBytes;
  readonly plannedPrivate: Uint8Array;
  readonly providerMeta?: DynamicValueBytes;
}
export interface ApplyResourceChangeResponse extends DiagnosticsResponse {
  readonly newState?: DynamicValueBytes;
  readonly private?: Uint8Array;
  readonly legacyTypeSystem: boolean;
}

export interface ImportResourceStateRequest {
  readonly typeName: string;
  readonly id: string;
}
export interface ImportedResource {
  readonly typeName: string;
  readonly state: DynamicValueBytes;
  readonly private?: Uint8Array;
}
export interface ImportResourceStateResponse extends DiagnosticsResponse {
  readonly importedResources: readonly ImportedResource[];
}

export interface MoveResourceStateRequest {
  readonly sourceProviderAddress: string;
  readonly sourceTypeName: string;
  readonly sourceSchemaVersion: number;
  readonly sourceState: RawState;
  readonly targetTypeName: string;
}
export interface MoveResourceStateResponse extends DiagnosticsResponse {
  readonly targetState?: DynamicValueBytes;
}

export interface ReadDataSourceRequest {
  readonly typeName: string;
  readonly config: DynamicValueBytes;
  readonly providerMeta?: DynamicValueBytes;
  readonly clientCapabilities?: ClientCapabilities;
}
export interface ReadDataSourceResponse extends DiagnosticsResponse {
  readonly state?: DynamicValueBytes;
}

/**
 * What a provider implements. Every method may throw: the adapters turn a thrown error into an
 * error diagnostic (never a gRPC failure), so one bad request cannot take the process down.
 */
export interface ProviderServer {
  getProviderSchema(ctx: CallContext): Promise<GetProviderSchemaResponse>;
  validateProviderConfig(req: ValidateProviderConfigRequest, ctx: CallContext): Promise<ValidateProviderConfigResponse>;
  validateResourceConfig(req: ValidateResourceConfigRequest, ctx: CallContext): Promise<DiagnosticsResponse>;
  validateDataResourceConfig(req: ValidateDataResourceConfigRequest, ctx: CallContext): Promise<DiagnosticsResponse>;
  upgradeResourceState(req: UpgradeResourceStateRequest, ctx: CallContext): Promise<UpgradeResourceStateResponse>;
  configureProvider(req: ConfigureProviderRequest, ctx: CallContext): Promise<DiagnosticsResponse>;
  readResource(req: ReadResourceRequest, ctx: CallContext): Promise<ReadResourceResponse>;
  planResourceChange(req: PlanResourceChangeRequest, ctx: CallContext): Promise<PlanResourceChangeResponse>;
  applyResourceChange(req: ApplyResourceChangeRequest, ctx: CallContext): Promise<ApplyResourceChangeResponse>;
  importResourceState(req: ImportResourceStateRequest, ctx: CallContext): Promise<ImportResourceStateResponse>;
  moveResourceState(req: MoveResourceStateRequest, ctx: CallContext): Promise<MoveResourceStateResponse>;
  readDataSource(req: ReadDataSourceRequest, ctx: CallContext): Promise<ReadDataSourceResponse>;
  /** Cancel in-flight work; the process keeps serving. Returns an error text or "". */
  stopProvider(): Promise<string>;
}
