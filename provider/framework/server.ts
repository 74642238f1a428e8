/**
 * The framework's implementation of the internal ProviderServer interface: it decodes values
 * with the schema's implied types, runs validation, planning, apply and read with SDK semantics,
 * calls into the definitions, and encodes the results. Every failure becomes a diagnostic.
 */
import type {
  ApplyResourceChangeRequest,
  ApplyResourceChangeResponse,
  CallContext,
  ConfigureProviderRequest,
  DiagnosticsResponse,
  DynamicValueBytes,
  GetProviderSchemaResponse,
  ImportResourceStateRequest,
  ImportResourceStateResponse,
  MoveResourceStateRequest,
  MoveResourceStateResponse,
  PlanResourceChangeRequest,
  PlanResourceChangeResponse,
  ProviderServer,
  ReadDataSourceRequest,
  ReadDataSourceResponse,
  ReadResourceRequest,
  ReadResourceResponse,
  Schema,
  UpgradeResourceStateRequest,
  UpgradeResourceStateResponse,
  ValidateDataResourceConfigRequest,
  ValidateProviderConfigRequest,
  ValidateProviderConfigResponse,
  ValidateResourceConfigRequest,
} from '../protocol/interface';
import type { CtyType } from '../values/types';
import { Unknown, isObjectValue, obj, type ObjectValue, type Value } from '../values/value';
import { decodeMsgpack, encodeMsgpack } from '../values/msgpack';
import { decodeJson } from '../values/json';
import { decodeFlatmap } from '../values/flatmap';
import { DiagnosticsError, errorDiag, hasErrors, type AttributePath, type Diagnostic } from './diagnostics';
import { impliedType, toProtocolSchema, withImplicitId, sortedEntries, type BodySpec, type TopSchema } from './schema';
import { validateBody } from './validate';
import { isValueless, planNew, shapeState, withDefaults } from './defaults';
import { changedMembers, dedupeSet, replacePaths } from './diff';
import type { Context, DataSourceDefinition, Env, FrameworkLogger, ProviderDefinition, ResourceDefinition } from './resource';

interface Compiled<D> {
  readonly def: D;
  readonly schema: TopSchema;
  readonly type: CtyType;
  readonly protocol: Schema;
}

function compile<D extends { schema: TopSchema }>(def: D, implicitId: boolean): Compiled<D> {
  const schema = implicitId ? withImplicitId(def.schema) : def.schema;
  return { def, schema, type: impliedType(schema), protocol: toProtocolSchema(schema) };
}

export interface ServerOptions {
  readonly env?: Env;
  readonly logger?: FrameworkLogger;
}

const silentLogger: FrameworkLogger = { debug() {}, info() {}, warn() {} };

/** Decodes a request value; an undecodable value aborts the call with a diagnostic. */
function decode(dv: DynamicValueBytes | undefined, type: CtyType, what: string): Value {
  try {
    if (dv?.msgpack && dv.msgpack.length > 0) return decodeMsgpack(dv.msgpack, type);
    if (dv?.json && dv.json.length > 0) return decodeJson(dv.json, type);
    return null;
  } catch (e) {
    throw new DiagnosticsError([errorDiag(`Invalid ${what}`, `The provider could not decode the ${what}: ${(e as Error).message}`)]);
  }
}

const encode = (v: Value, type: CtyType): DynamicValueBytes => ({ msgpack: encodeMsgpack(v, type) });

/** Runs a handler, turning DiagnosticsError into its diagnostics and anything else into one. */
async function guarded<T extends DiagnosticsResponse>(fallback: (diags: Diagnostic[]) => T, fn: () => T | Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    if (e instanceof DiagnosticsError) return fallback([...e.diagnostics]);
    return fallback([errorDiag('Internal error in the provider', (e as Error)?.message ?? String(e))]);
  }
}

/** Sets with identical elements collapse in cty; the SDK's set semantics do the same. */
function normalizeSets(body: BodySpec, v: Value): Value {
  if (!isObjectValue(v)) return v;
  const out = obj(Object.entries(v));
  for (const [name, b] of sortedEntries(body.blocks)) {
    const elems = out[name];
    if (!Array.isArray(elems)) continue;
    const inner = elems.map((e) => normalizeSets(b, e));
    out[name] = b.nesting === 'set' ? dedupeSet(b, inner) : inner;
  }
  return out;
}

export class FrameworkServer<P> implements ProviderServer {
  private readonly provider: Compiled<ProviderDefinition<P>>;
  private readonly resources = new Map<string, Compiled<ResourceDefinition<P>>>();
  private readonly dataSources = new Map<string, Compiled<DataSourceDefinition<P>>>();
  private readonly env: Env;
  private readonly logger: FrameworkLogger;
  private configured: P | undefined;
  private schemaResponse: GetProviderSchemaResponse | undefined;

  constructor(definition: ProviderDefinition<P>, options: ServerOptions = {}) {
    this.provider = compile(definition, false);
    for (const r of definition.resources) this.resources.set(r.typeName, compile(r, true));
    for (const d of definition.dataSources) this.dataSources.set(d.typeName, compile(d, true));
    this.env = options.env ?? ((name) => process.env[name]);
    this.logger = options.logger ?? silentLogger;
  }

  private ctx(call: CallContext): Context<P> {
    // `signal` is read through so the call's AbortController is only made if someone uses it.
    return {
      provider: this.configured ?? this.provider.def.unconfigured(),
      env: this.env,
      logger: this.logger,
      get signal(): AbortSignal {
        return call.signal;
      },
    };
  }

  private resource(typeName: string): Compiled<ResourceDefinition<P>> {
    const r = this.resources.get(typeName);
    if (!r) throw new DiagnosticsError([errorDiag('Unknown resource type', `The provider does not support resource type "${typeName}".`)]);
    return r;
  }

  private dataSource(typeName: string): Compiled<DataSourceDefinition<P>> {
    const d = this.dataSources.get(typeName);
    if (!d) throw new DiagnosticsError([errorDiag('Unknown data source type', `The provider does not support data source type "${typeName}".`)]);
    return d;
  }

  async getProviderSchema(): Promise<GetProviderSchemaResponse> {
    // Built once per process: tofu may ask several times and the answer never changes.
    if (!this.schemaResponse) {
      const resourceSchemas: Record<string, Schema> = {};
      for (const [name, r] of this.resources) resourceSchemas[name] = r.protocol;
      const dataSourceSchemas: Record<string, Schema> = {};
      for (const [name, d] of this.dataSources) dataSourceSchemas[name] = d.protocol;
      this.schemaResponse = {
        provider: this.provider.protocol,
        providerMeta: { version: 0, block: { attributes: [], blockTypes: [], description: '', descriptionKind: 'plain', deprecated: false } },
        resourceSchemas,
        dataSourceSchemas,
        serverCapabilities: { planDestroy: false, getProviderSchemaOptional: true, moveResourceState: false, generateResourceConfig: false },
        diagnostics: [],
      };
    }
    return this.schemaResponse;
  }

  validateProviderConfig(req: ValidateProviderConfigRequest): Promise<ValidateProviderConfigResponse> {
    return guarded(
      (diagnostics) => ({ diagnostics }),
      () => {
        const config = decode(req.config, this.provider.type, 'provider configuration');
        return { diagnostics: validateBody(this.provider.schema, config), preparedConfig: req.config };
      },
    );
  }

  validateResourceConfig(req: ValidateResourceConfigRequest): Promise<DiagnosticsResponse> {
    return guarded(
      (diagnostics) => ({ diagnostics }),
      () => {
        const r = this.resource(req.typeName);
        return { diagnostics: validateBody(r.schema, decode(req.config, r.type, 'resource configuration')) };
      },
    );
  }

  validateDataResourceConfig(req: ValidateDataResourceConfigRequest): Promise<DiagnosticsResponse> {
    return guarded(
      (diagnostics) => ({ diagnostics }),
      () => {
        const d = this.dataSource(req.typeName);
        return { diagnostics: validateBody(d.schema, decode(req.config, d.type, 'data source configuration')) };
      },
    );
  }

  upgradeResourceState(req: UpgradeResourceStateRequest): Promise<UpgradeResourceStateResponse> {
    return guarded(
      (diagnostics) => ({ diagnostics }),
      () => {
        const r = this.resource(req.typeName);
        if (req.version > r.schema.version) {
          return {
            diagnostics: [
              errorDiag(
                'Unsupported state version',
                `The state of this ${req.typeName} was written by a newer provider (schema version ${req.version}; this provider supports up to ${r.schema.version}).`,
              ),
            ],
          };
        }
        let value: Value;
        try {
          // Attributes the Go provider has since removed (startup_script_timeout, ...) are dropped.
          if (req.rawState.json && req.rawState.json.length > 0) value = decodeJson(req.rawState.json, r.type, { ignoreUndefinedAttributes: true });
          else if (req.rawState.flatmap) value = decodeFlatmap(req.rawState.flatmap, r.type);
          else value = null;
        } catch (e) {
          return { diagnostics: [errorDiag('Invalid stored state', `The stored state of this ${req.typeName} could not be read: ${(e as Error).message}`)] };
        }
        if (value === null) return { diagnostics: [], upgradedState: encode(null, r.type) };
        return { diagnostics: [], upgradedState: encode(shapeStored(r.schema, value), r.type) };
      },
    );
  }

  configureProvider(req: ConfigureProviderRequest, call: CallContext): Promise<DiagnosticsResponse> {
    return guarded(
      (diagnostics) => ({ diagnostics }),
      () => {
        const config = decode(req.config, this.provider.type, 'provider configuration');
        const { data, diagnostics = [] } = this.provider.def.configure(withDefaults(this.provider.schema, config), {
          env: this.env,
          logger: this.logger,
          get signal(): AbortSignal {
            return call.signal;
          },
        });
        if (data !== undefined && !hasErrors(diagnostics)) this.configured = data;
        return { diagnostics };
      },
    );
  }

  readResource(req: ReadResourceRequest, call: CallContext): Promise<ReadResourceResponse> {
    return guarded<ReadResourceResponse>(
      (diagnostics) => ({ diagnostics }),
      (): ReadResourceResponse => {
        const r = this.resource(req.typeName);
        const state = decode(req.currentState, r.type, 'prior state');
        if (!isObjectValue(state) || !r.def.read) return { diagnostics: [], newState: req.currentState, private: req.private };
        const result = r.def.read(state, this.ctx(call));
        const newState = result.state === null ? null : shapeState(r.schema, result.state);
        return { diagnostics: result.diagnostics ?? [], newState: encode(newState, r.type), private: req.private };
      },
    );
  }

  planResourceChange(req: PlanResourceChangeRequest, call: CallContext): Promise<PlanResourceChangeResponse> {
    const fail = (diagnostics: Diagnostic[]): PlanResourceChangeResponse => ({ diagnostics, requiresReplace: [], legacyTypeSystem: true });
    return guarded(fail, () => {
      const r = this.resource(req.typeName);
      const prior = decode(req.priorState, r.type, 'prior state');
      const proposed = decode(req.proposedNewState, r.type, 'proposed new state');
      const config = decode(req.config, r.type, 'configuration');
      // Destroy: nothing to plan (we do not announce plan_destroy, but answer correctly anyway).
      if (proposed === null) return { diagnostics: [], plannedState: encode(null, r.type), requiresReplace: [], legacyTypeSystem: true };

      const withDefs = normalizeSets(r.schema, withDefaults(r.schema, config)) as ObjectValue;
      let planned: ObjectValue;
      let requiresReplace: AttributePath[] = [];
      let changed: Set<string>;
      if (!isObjectValue(prior)) {
        planned = planNew(r.schema, withDefs);
        // On create the SDK's HasChange is true only for members given a non-empty value.
        changed = new Set(Object.keys(withDefs).filter((k) => isSetValue(withDefs[k] ?? null)));
      } else {
        const changes = changedMembers(r.schema, prior, withDefs);
        if (changes.length === 0) {
          return { diagnostics: [], plannedState: req.priorState, plannedPrivate: req.priorPrivate, requiresReplace: [], legacyTypeSystem: true };
        }
        changed = new Set(changes.map((p) => (p[0] as { attribute: string }).attribute));
        const forcesNew = [...changed].some((name) => (r.schema.attributes[name] ?? r.schema.blocks?.[name])?.forceNew);
        if (forcesNew) {
          planned = planNew(r.schema, withDefs);
          requiresReplace = replacePaths(r.schema, prior, withDefs, changed);
        } else {
          // In-place update: configured values, computed values kept from prior state.
          planned = planUpdate(r.schema, prior, withDefs);
        }
      }
      const diagnostics = r.def.customizeDiff ? [...r.def.customizeDiff(diffView(r.schema, prior, planned), changed, this.ctx(call))] : [];
      if (hasErrors(diagnostics)) return fail(diagnostics);
      return { diagnostics, plannedState: encode(planned, r.type), requiresReplace, legacyTypeSystem: true };
    });
  }

  applyResourceChange(req: ApplyResourceChangeRequest, call: CallContext): Promise<ApplyResourceChangeResponse> {
    const fail = (diagnostics: Diagnostic[]): ApplyResourceChangeResponse => ({ diagnostics, legacyTypeSystem: true });
    return guarded(fail, () => {
      const r = this.resource(req.typeName);
      const planned = decode(req.plannedState, r.type, 'planned state');
      const prior = decode(req.priorState, r.type, 'prior state');
      // Delete is a no-op for every Coder resource: the object is simply dropped from state.
      if (planned === null) return { diagnostics: [], newState: encode(null, r.type), legacyTypeSystem: true };
      if (!isObjectValue(planned)) return fail([errorDiag('Invalid planned state', 'The planned state is not an object.')]);
      if (isObjectValue(prior) && !hasUnknownId(planned)) {
        // An in-place update keeps the object: no Coder resource has one, but be correct anyway.
        return { diagnostics: [], newState: encode(shapeState(r.schema, planned), r.type), legacyTypeSystem: true };
      }
      const result = r.def.create(planned, this.ctx(call));
      const newState = result.state === null ? null : shapeState(r.schema, normalizeSets(r.schema, result.state));
      return { diagnostics: result.diagnostics ?? [], newState: encode(newState, r.type), legacyTypeSystem: true };
    });
  }

  async importResourceState(req: ImportResourceStateRequest): Promise<ImportResourceStateResponse> {
    return { importedResources: [], diagnostics: [errorDiag(`resource ${req.typeName} doesn't support import`)] };
  }

  async moveResourceState(req: MoveResourceStateRequest): Promise<MoveResourceStateResponse> {
    return {
      diagnostics: [
        errorDiag('Move resource state not supported', `The provider does not support moving resource state from "${req.sourceTypeName}" to "${req.targetTypeName}".`),
      ],
    };
  }

  readDataSource(req: ReadDataSourceRequest, call: CallContext): Promise<ReadDataSourceResponse> {
    return guarded(
      (diagnostics) => ({ diagnostics }),
      () => {
        const d = this.dataSource(req.typeName);
        const config = decode(req.config, d.type, 'data source configuration');
        const withDefs = normalizeSets(d.schema, withDefaults(d.schema, config)) as ObjectValue;
        const result = d.def.read(withDefs, this.ctx(call));
        if (hasErrors(result.diagnostics ?? []) || result.state === null) return { diagnostics: result.diagnostics ?? [] };
        const merged = obj(Object.entries(withDefs));
        for (const [k, v] of Object.entries(result.state)) merged[k] = v;
        return { diagnostics: result.diagnostics ?? [], state: encode(shapeDataState(d.schema, merged, new Set(Object.keys(result.state))), d.type) };
      },
    );
  }

  async stopProvider(): Promise<string> {
    return '';
  }
}

const isSetValue = (v: Value): boolean => v !== null && !(Array.isArray(v) && v.length === 0);

const hasUnknownId = (v: ObjectValue): boolean => v.id instanceof Unknown;

/** An update that keeps the object: configured values, with computed members kept from prior. */
function planUpdate(body: BodySpec, prior: ObjectValue, config: ObjectValue): ObjectValue {
  const out = obj(Object.entries(config));
  for (const [name, a] of sortedEntries(body.attributes)) {
    if (a.computed && (config[name] ?? null) === null) out[name] = prior[name] ?? null;
  }
  return out;
}

/**
 * Data source state as the SDK writes it: like resource state, except that an optional block the
 * user did not write stays null (the SDK never writes a count for it) unless Read set it.
 */
function shapeDataState(body: BodySpec, value: ObjectValue, setByRead: ReadonlySet<string>): ObjectValue {
  const shaped = shapeState(body, value);
  // The SDK builds data source state from its diff against an empty prior state, and a string that
  // is "" makes no diff: a top-level string configured as "" (or defaulted to "") comes back null
  // unless Read set it. (Strings nested in blocks are read back as "", and bools and numbers are
  // always in the diff.)
  for (const [name, a] of sortedEntries(body.attributes)) {
    if (!setByRead.has(name) && a.type.kind === 'string' && shaped[name] === '') shaped[name] = null;
  }
  for (const [name] of sortedEntries(body.blocks)) {
    if (setByRead.has(name)) continue;
    const v = value[name];
    if (v === null || v === undefined || (Array.isArray(v) && v.length === 0)) shaped[name] = null;
  }
  return shaped;
}

/** Stored state read back: missing members are filled the way the SDK's state shim would. */
function shapeStored(body: BodySpec, value: Value, nested = false): ObjectValue {
  const v = isObjectValue(value) ? value : obj();
  const out = obj();
  for (const [name] of sortedEntries(body.attributes)) out[name] = v[name] ?? null;
  for (const [name, b] of sortedEntries(body.blocks)) {
    const elems = Array.isArray(v[name]) ? (v[name] as Value[]) : [];
    out[name] = elems.map((e) => shapeStored(b, e, true));
  }
  if (nested && isValueless(body, out)) for (const [name] of sortedEntries(body.blocks)) out[name] = null;
  return out;
}

/**
 * The planned value as CustomizeDiff sees it through the SDK's ResourceDiff: when a set block
 * keeps its element count from prior state, an element without any value (isValueless) has no
 * diff entries and nothing in state, and reads as nil. On create, or when the count changes, the
 * element reads as an object with empty nested blocks. (Verified against the Go provider:
 * `resources_monitoring {}` plans and applies, and fails on the next plan.)
 */
function diffView(body: BodySpec, prior: Value, planned: ObjectValue): ObjectValue {
  if (!isObjectValue(prior)) return planned;
  const view = obj(Object.entries(planned));
  for (const [name, b] of sortedEntries(body.blocks)) {
    const elems = planned[name];
    if (b.nesting !== 'set' || !Array.isArray(elems) || !Array.isArray(prior[name])) continue;
    if ((prior[name] as Value[]).length !== elems.length) continue;
    view[name] = elems.map((e) => (isValueless(b, e) ? null : e));
  }
  return view;
}
