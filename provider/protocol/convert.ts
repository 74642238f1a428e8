/**
 * Conversions between the generated protobuf messages and the internal interface
 * (./interface.ts). Shared by the protocol 5 and 6 adapters: the camelCase field names that
 * protobufjs generates are the same in both versions for everything converted here, so one
 * plain object encodes correctly with either version's codec (the codec decides field numbers).
 *
 * Inputs are typed with the protocol 6 message interfaces; protocol 5 messages are structurally
 * compatible with them. Outputs use the local `P*` shapes below, where enums are plain numbers so
 * they are assignable to both versions' generated enum types.
 */
import { typeToJson } from '../values/typejson';
import type { tfplugin6 } from './generated/tfplugin6';
import type {
  ApplyResourceChangeRequest,
  ApplyResourceChangeResponse,
  AttributePath,
  ClientCapabilities,
  ConfigureProviderRequest,
  Diagnostic,
  DynamicValueBytes,
  GetProviderSchemaResponse,
  ImportResourceStateRequest,
  ImportResourceStateResponse,
  MoveResourceStateRequest,
  MoveResourceStateResponse,
  NestingMode,
  PlanResourceChangeRequest,
  PlanResourceChangeResponse,
  RawState,
  ReadDataSourceRequest,
  ReadDataSourceResponse,
  ReadResourceRequest,
  ReadResourceResponse,
  Schema,
  SchemaAttribute,
  SchemaBlock,
  SchemaNestedBlock,
  SchemaObject,
  ServerCapabilities,
  StringKind,
  UpgradeResourceStateRequest,
  UpgradeResourceStateResponse,
  ValidateDataResourceConfigRequest,
  ValidateProviderConfigRequest,
  ValidateResourceConfigRequest,
} from './interface';

export type ProtocolVersion = 5 | 6;

// ---------------------------------------------------------------------------------------------
// Proto-shaped output types
// ---------------------------------------------------------------------------------------------

export interface PDynamicValue {
  msgpack?: Uint8Array;
  json?: Uint8Array;
}
export type PAttributePathStep = { attributeName: string } | { elementKeyString: string } | { elementKeyInt: number };
export interface PAttributePath {
  steps: PAttributePathStep[];
}
export interface PDiagnostic {
  severity: number;
  summary: string;
  detail: string;
  attribute?: PAttributePath;
}
export interface PAttribute {
  name: string;
  type?: Uint8Array;
  nestedType?: PObject;
  description: string;
  descriptionKind: number;
  required: boolean;
  optional: boolean;
  computed: boolean;
  sensitive: boolean;
  deprecated: boolean;
  deprecationMessage: string;
  writeOnly: boolean;
}
export interface PObject {
  attributes: PAttribute[];
  nesting: number;
}
export interface PBlock {
  version: number;
  attributes: PAttribute[];
  blockTypes: PNestedBlock[];
  description: string;
  descriptionKind: number;
  deprecated: boolean;
  deprecationMessage: string;
}
export interface PNestedBlock {
  typeName: string;
  block: PBlock;
  nesting: number;
  minItems: number;
  maxItems: number;
}
export interface PSchema {
  version: number;
  block: PBlock;
}
export interface PServerCapabilities {
  planDestroy: boolean;
  getProviderSchemaOptional: boolean;
  moveResourceState: boolean;
  generateResourceConfig: boolean;
}
export interface PDiagnosticsResponse {
  diagnostics: PDiagnostic[];
}

// Wire enum values (identical in both protocol versions).
export const Severity = { INVALID: 0, ERROR: 1, WARNING: 2 } as const;
export const StringKindWire = { PLAIN: 0, MARKDOWN: 1 } as const;
export const BlockNesting = { INVALID: 0, SINGLE: 1, LIST: 2, SET: 3, MAP: 4, GROUP: 5 } as const;
export const ObjectNesting = { INVALID: 0, SINGLE: 1, LIST: 2, SET: 3, MAP: 4 } as const;

// ---------------------------------------------------------------------------------------------
// Scalars
// ---------------------------------------------------------------------------------------------

/** A decoded protobuf int64: a number, or a Long when the "long" package is loaded. */
export type Int64Like = number | { toNumber(): number } | string | null | undefined;

/**
 * Normalises a decoded int64 to a JS number. Throws a RangeError (which the handlers turn into
 * an error diagnostic) for values a double cannot hold exactly; no int64 field this provider
 * reads (schema versions, list indexes) can legitimately be that large.
 */
export function int64ToNumber(value: Int64Like): number {
  let n: number;
  if (value === null || value === undefined) n = 0;
  else if (typeof value === 'number') n = value;
  else if (typeof value === 'string') n = Number(value);
  else n = value.toNumber();
  if (!Number.isSafeInteger(n)) throw new RangeError(`64-bit integer out of the supported range: ${String(value)}`);
  return n;
}

const EMPTY_BYTES = new Uint8Array(0);

function bytesOrEmpty(b: Uint8Array | null | undefined): Uint8Array {
  return b && b.length > 0 ? b : EMPTY_BYTES;
}

function utf8(s: string): Uint8Array {
  return Buffer.from(s, 'utf8');
}

// ---------------------------------------------------------------------------------------------
// DynamicValue, RawState, client capabilities
// ---------------------------------------------------------------------------------------------

/** Request DynamicValue -> internal; an absent message or empty fields mean null (`{}`). */
export function dynamicValueFromProto(v: tfplugin6.IDynamicValue | null | undefined): DynamicValueBytes {
  const out: { msgpack?: Uint8Array; json?: Uint8Array } = {};
  if (v?.msgpack && v.msgpack.length > 0) out.msgpack = v.msgpack;
  if (v?.json && v.json.length > 0) out.json = v.json;
  return out;
}

/** Like dynamicValueFromProto, but keeps "not sent at all" distinguishable (undefined). */
export function optionalDynamicValueFromProto(v: tfplugin6.IDynamicValue | null | undefined): DynamicValueBytes | undefined {
  return v ? dynamicValueFromProto(v) : undefined;
}

/** Internal -> response DynamicValue. `undefined` stays absent, which Terraform reads as null. */
export function dynamicValueToProto(v: DynamicValueBytes | undefined): PDynamicValue | undefined {
  if (v === undefined) return undefined;
  const out: PDynamicValue = {};
  if (v.msgpack !== undefined) out.msgpack = v.msgpack;
  if (v.json !== undefined) out.json = v.json;
  return out;
}

export function rawStateFromProto(r: tfplugin6.IRawState | null | undefined): RawState {
  const out: { json?: Uint8Array; flatmap?: Record<string, string> } = {};
  if (r?.json && r.json.length > 0) out.json = r.json;
  if (r?.flatmap) {
    const entries = Object.entries(r.flatmap);
    if (entries.length > 0) {
      const flat: Record<string, string> = Object.create(null);
      for (const [k, v] of entries) flat[k] = v;
      out.flatmap = flat;
    }
  }
  return out;
}

/** `undefined` when the client did not send capabilities (older Terraform: all false). */
export function clientCapabilitiesFromProto(c: tfplugin6.IClientCapabilities | null | undefined): ClientCapabilities | undefined {
  if (!c) return undefined;
  return {
    deferralAllowed: c.deferralAllowed === true,
    writeOnlyAttributesAllowed: c.writeOnlyAttributesAllowed === true,
  };
}

// ---------------------------------------------------------------------------------------------
// Diagnostics and attribute paths
// ---------------------------------------------------------------------------------------------

export function attributePathToProto(path: AttributePath): PAttributePath {
  return {
    steps: path.map((step): PAttributePathStep => {
      if ('attribute' in step) return { attributeName: step.attribute };
      if ('key' in step) return { elementKeyString: step.key };
      if ('index' in step) return { elementKeyInt: step.index };
      throw new TypeError('invalid attribute path step');
    }),
  };
}

/** Internal -> proto diagnostic. Severity is always ERROR or WARNING, never the 0 default. */
export function diagnosticToProto(d: Diagnostic): PDiagnostic {
  const out: PDiagnostic = {
    severity: d.severity === 'warning' ? Severity.WARNING : Severity.ERROR,
    summary: typeof d.summary === 'string' ? d.summary : String(d.summary),
    detail: typeof d.detail === 'string' ? d.detail : '',
  };
  if (d.path && d.path.length > 0) out.attribute = attributePathToProto(d.path);
  return out;
}

export function diagnosticsToProto(ds: readonly Diagnostic[] | undefined): PDiagnostic[] {
  return (ds ?? []).map(diagnosticToProto);
}

export const INTERNAL_ERROR_SUMMARY = 'Internal error in the provider';

/** The message of anything thrown, without stack traces or dumped values. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message || error.name || 'unknown error';
  if (typeof error === 'string') return error;
  return 'a non-Error value was thrown';
}

/** The diagnostic every handler answers with when the provider throws or rejects. */
export function internalErrorDiagnostic(error: unknown): PDiagnostic {
  return { severity: Severity.ERROR, summary: INTERNAL_ERROR_SUMMARY, detail: errorMessage(error) };
}

export function errorDiagnosticsResponse(error: unknown): PDiagnosticsResponse {
  return { diagnostics: [internalErrorDiagnostic(error)] };
}

// ---------------------------------------------------------------------------------------------
// Schemas
// ---------------------------------------------------------------------------------------------

function stringKindToProto(kind: StringKind): number {
  return kind === 'markdown' ? StringKindWire.MARKDOWN : StringKindWire.PLAIN;
}

function blockNestingToProto(mode: NestingMode): number {
  switch (mode) {
    case 'single':
      return BlockNesting.SINGLE;
    case 'list':
      return BlockNesting.LIST;
    case 'set':
      return BlockNesting.SET;
    case 'map':
      return BlockNesting.MAP;
    case 'group':
      return BlockNesting.GROUP;
    default:
      throw new TypeError(`invalid block nesting mode ${JSON.stringify(mode)}`);
  }
}

function objectNestingToProto(mode: SchemaObject['nesting']): number {
  switch (mode) {
    case 'single':
      return ObjectNesting.SINGLE;
    case 'list':
      return ObjectNesting.LIST;
    case 'set':
      return ObjectNesting.SET;
    case 'map':
      return ObjectNesting.MAP;
    default:
      throw new TypeError(`invalid nested attribute nesting mode ${JSON.stringify(mode)}`);
  }
}

function attributeToProto(a: SchemaAttribute, protocol: ProtocolVersion): PAttribute {
  const out: PAttribute = {
    name: a.name,
    description: a.description ?? '',
    descriptionKind: stringKindToProto(a.descriptionKind),
    required: a.required === true,
    optional: a.optional === true,
    computed: a.computed === true,
    sensitive: a.sensitive === true,
    deprecated: a.deprecated === true,
    // Terraform rejects a deprecation message on something that is not deprecated.
    deprecationMessage: a.deprecated === true ? (a.deprecationMessage ?? '') : '',
    writeOnly: a.writeOnly === true,
  };
  if (a.type !== undefined && a.nestedType !== undefined) {
    throw new TypeError(`schema attribute "${a.name}" has both a type and a nested type`);
  }
  if (a.type !== undefined) {
    // Terraform panics on type bytes that are not valid type JSON, so never send empty bytes.
    out.type = utf8(typeToJson(a.type));
  } else if (a.nestedType !== undefined) {
    if (protocol === 5) throw new TypeError(`schema attribute "${a.name}" uses a nested type, which protocol 5 cannot express`);
    out.nestedType = {
      attributes: a.nestedType.attributes.map((x) => attributeToProto(x, protocol)),
      nesting: objectNestingToProto(a.nestedType.nesting),
    };
  } else {
    throw new TypeError(`schema attribute "${a.name}" has no type`);
  }
  return out;
}

/** Internal block -> proto block. Every nested block carries a (possibly empty) block. */
export function blockToProto(b: SchemaBlock, protocol: ProtocolVersion): PBlock {
  return {
    version: 0,
    attributes: (b.attributes ?? []).map((a) => attributeToProto(a, protocol)),
    blockTypes: (b.blockTypes ?? []).map((nb) => nestedBlockToProto(nb, protocol)),
    description: b.description ?? '',
    descriptionKind: stringKindToProto(b.descriptionKind),
    deprecated: b.deprecated === true,
    deprecationMessage: b.deprecated === true ? (b.deprecationMessage ?? '') : '',
  };
}

function nestedBlockToProto(nb: SchemaNestedBlock, protocol: ProtocolVersion): PNestedBlock {
  return {
    typeName: nb.typeName,
    block: blockToProto(nb.block ?? EMPTY_BLOCK, protocol),
    nesting: blockNestingToProto(nb.nesting),
    minItems: nb.minItems ?? 0,
    maxItems: nb.maxItems ?? 0,
  };
}

const EMPTY_BLOCK: SchemaBlock = { attributes: [], blockTypes: [], description: '', descriptionKind: 'plain', deprecated: false };

/** Internal schema -> proto schema; `block` is always present (Terraform dereferences it). */
export function schemaToProto(s: Schema | undefined, protocol: ProtocolVersion): PSchema {
  return { version: s?.version ?? 0, block: blockToProto(s?.block ?? EMPTY_BLOCK, protocol) };
}

/** An empty but valid schema, for error responses. */
export function emptySchema(): PSchema {
  return schemaToProto(undefined, 6);
}

function schemaMapToProto(m: Readonly<Record<string, Schema>> | undefined, protocol: ProtocolVersion): Record<string, PSchema> {
  const out: Record<string, PSchema> = {};
  for (const [name, s] of Object.entries(m ?? {})) out[name] = schemaToProto(s, protocol);
  return out;
}

export function serverCapabilitiesToProto(c: ServerCapabilities | undefined): PServerCapabilities {
  return {
    planDestroy: c?.planDestroy === true,
    getProviderSchemaOptional: c?.getProviderSchemaOptional === true,
    moveResourceState: c?.moveResourceState === true,
    generateResourceConfig: c?.generateResourceConfig === true,
  };
}

export interface PGetProviderSchemaResponse {
  provider: PSchema;
  providerMeta: PSchema;
  resourceSchemas: Record<string, PSchema>;
  dataSourceSchemas: Record<string, PSchema>;
  serverCapabilities: PServerCapabilities;
  diagnostics: PDiagnostic[];
  functions: Record<string, never>;
  ephemeralResourceSchemas: Record<string, never>;
  listResourceSchemas: Record<string, never>;
  actionSchemas: Record<string, never>;
}

export function getProviderSchemaResponseToProto(r: GetProviderSchemaResponse, protocol: ProtocolVersion): PGetProviderSchemaResponse {
  return {
    provider: schemaToProto(r.provider, protocol),
    providerMeta: schemaToProto(r.providerMeta, protocol),
    resourceSchemas: schemaMapToProto(r.resourceSchemas, protocol),
    dataSourceSchemas: schemaMapToProto(r.dataSourceSchemas, protocol),
    serverCapabilities: serverCapabilitiesToProto(r.serverCapabilities),
    diagnostics: diagnosticsToProto(r.diagnostics),
    functions: {},
    ephemeralResourceSchemas: {},
    listResourceSchemas: {},
    actionSchemas: {},
  };
}

/** Error answer for GetProviderSchema/GetSchema: still carries a (empty) provider schema. */
export function getProviderSchemaErrorResponse(error: unknown): { provider: PSchema; diagnostics: PDiagnostic[] } {
  return { provider: emptySchema(), diagnostics: [internalErrorDiagnostic(error)] };
}

export interface PGetMetadataResponse {
  serverCapabilities: PServerCapabilities;
  diagnostics: PDiagnostic[];
  dataSources: { typeName: string }[];
  resources: { typeName: string }[];
}

/** GetMetadata derived from the full schema (type names only). */
export function getMetadataResponseToProto(r: GetProviderSchemaResponse): PGetMetadataResponse {
  return {
    serverCapabilities: serverCapabilitiesToProto(r.serverCapabilities),
    diagnostics: diagnosticsToProto(r.diagnostics),
    dataSources: Object.keys(r.dataSourceSchemas ?? {}).map((typeName) => ({ typeName })),
    resources: Object.keys(r.resourceSchemas ?? {}).map((typeName) => ({ typeName })),
  };
}

// ---------------------------------------------------------------------------------------------
// Requests (proto -> internal)
// ---------------------------------------------------------------------------------------------

export function validateProviderConfigRequestFromProto(req: tfplugin6.ValidateProviderConfig.IRequest): ValidateProviderConfigRequest {
  return { config: dynamicValueFromProto(req.config) };
}

export function validateResourceConfigRequestFromProto(req: tfplugin6.ValidateResourceConfig.IRequest): ValidateResourceConfigRequest {
  return {
    typeName: req.typeName ?? '',
    config: dynamicValueFromProto(req.config),
    clientCapabilities: clientCapabilitiesFromProto(req.clientCapabilities),
  };
}

export function validateDataResourceConfigRequestFromProto(
  req: tfplugin6.ValidateDataResourceConfig.IRequest,
): ValidateDataResourceConfigRequest {
  return { typeName: req.typeName ?? '', config: dynamicValueFromProto(req.config) };
}

export function upgradeResourceStateRequestFromProto(req: tfplugin6.UpgradeResourceState.IRequest): UpgradeResourceStateRequest {
  return {
    typeName: req.typeName ?? '',
    version: int64ToNumber(req.version),
    rawState: rawStateFromProto(req.rawState),
  };
}

export function configureProviderRequestFromProto(req: tfplugin6.ConfigureProvider.IRequest): ConfigureProviderRequest {
  return {
    terraformVersion: req.terraformVersion ?? '',
    config: dynamicValueFromProto(req.config),
    clientCapabilities: clientCapabilitiesFromProto(req.clientCapabilities),
  };
}

export function readResourceRequestFromProto(req: tfplugin6.ReadResource.IRequest): ReadResourceRequest {
  return {
    typeName: req.typeName ?? '',
    currentState: dynamicValueFromProto(req.currentState),
    private: bytesOrEmpty(req.private),
    providerMeta: optionalDynamicValueFromProto(req.providerMeta),
    clientCapabilities: clientCapabilitiesFromProto(req.clientCapabilities),
  };
}

export function planResourceChangeRequestFromProto(req: tfplugin6.PlanResourceChange.IRequest): PlanResourceChangeRequest {
  return {
    typeName: req.typeName ?? '',
    priorState: dynamicValueFromProto(req.priorState),
    proposedNewState: dynamicValueFromProto(req.proposedNewState),
    config: dynamicValueFromProto(req.config),
    priorPrivate: bytesOrEmpty(req.priorPrivate),
    providerMeta: optionalDynamicValueFromProto(req.providerMeta),
    clientCapabilities: clientCapabilitiesFromProto(req.clientCapabilities),
  };
}

export function applyResourceChangeRequestFromProto(req: tfplugin6.ApplyResourceChange.IRequest): ApplyResourceChangeRequest {
  return {
    typeName: req.typeName ?? '',
    priorState: dynamicValueFromProto(req.priorState),
    plannedState: dynamicValueFromProto(req.plannedState),
    config: dynamicValueFromProto(req.config),
    plannedPrivate: bytesOrEmpty(req.plannedPrivate),
    providerMeta: optionalDynamicValueFromProto(req.providerMeta),
  };
}

export function importResourceStateRequestFromProto(req: tfplugin6.ImportResourceState.IRequest): ImportResourceStateRequest {
  return { typeName: req.typeName ?? '', id: req.id ?? '' };
}

export function moveResourceStateRequestFromProto(req: tfplugin6.MoveResourceState.IRequest): MoveResourceStateRequest {
  return {
    sourceProviderAddress: req.sourceProviderAddress ?? '',
    sourceTypeName: req.sourceTypeName ?? '',
    sourceSchemaVersion: int64ToNumber(req.sourceSchemaVersion),
    sourceState: rawStateFromProto(req.sourceState),
    targetTypeName: req.targetTypeName ?? '',
  };
}

export function readDataSourceRequestFromProto(req: tfplugin6.ReadDataSource.IRequest): ReadDataSourceRequest {
  return {
    typeName: req.typeName ?? '',
    config: dynamicValueFromProto(req.config),
    providerMeta: optionalDynamicValueFromProto(req.providerMeta),
    clientCapabilities: clientCapabilitiesFromProto(req.clientCapabilities),
  };
}

// ---------------------------------------------------------------------------------------------
// Responses (internal -> proto)
// ---------------------------------------------------------------------------------------------

export function diagnosticsResponseToProto(r: { readonly diagnostics: readonly Diagnostic[] }): PDiagnosticsResponse {
  return { diagnostics: diagnosticsToProto(r?.diagnostics) };
}

export function upgradeResourceStateResponseToProto(r: UpgradeResourceStateResponse) {
  return { upgradedState: dynamicValueToProto(r.upgradedState), diagnostics: diagnosticsToProto(r.diagnostics) };
}

export function readResourceResponseToProto(r: ReadResourceResponse) {
  return {
    newState: dynamicValueToProto(r.newState),
    diagnostics: diagnosticsToProto(r.diagnostics),
    private: r.private,
  };
}

export function planResourceChangeResponseToProto(r: PlanResourceChangeResponse) {
  return {
    plannedState: dynamicValueToProto(r.plannedState),
    requiresReplace: (r.requiresReplace ?? []).map(attributePathToProto),
    plannedPrivate: r.plannedPrivate,
    diagnostics: diagnosticsToProto(r.diagnostics),
    legacyTypeSystem: r.legacyTypeSystem === true,
  };
}

export function applyResourceChangeResponseToProto(r: ApplyResourceChangeResponse) {
  return {
    newState: dynamicValueToProto(r.newState),
    private: r.private,
    diagnostics: diagnosticsToProto(r.diagnostics),
    legacyTypeSystem: r.legacyTypeSystem === true,
  };
}

export function importResourceStateResponseToProto(r: ImportResourceStateResponse) {
  return {
    importedResources: (r.importedResources ?? []).map((ir) => ({
      typeName: ir.typeName,
      state: dynamicValueToProto(ir.state),
      private: ir.private,
    })),
    diagnostics: diagnosticsToProto(r.diagnostics),
  };
}

export function moveResourceStateResponseToProto(r: MoveResourceStateResponse) {
  return { targetState: dynamicValueToProto(r.targetState), diagnostics: diagnosticsToProto(r.diagnostics) };
}

export function readDataSourceResponseToProto(r: ReadDataSourceResponse) {
  return { state: dynamicValueToProto(r.state), diagnostics: diagnosticsToProto(r.diagnostics) };
}
