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
import { validateBodySteps } from './validate';
import { isValueless, planNewSteps, shapeState, shapeStateSteps, withDefaultsSteps } from './defaults';
import { changedMembersSteps, dedupeSetSteps, replacePathsSteps } from './diff';
import { Cancelled, Yielder, cancelledDiagnostic, runSteps, runSync, type Steps } from './yielder';
import type { Context, DataSourceDefinition, Env, FrameworkLogger, ProviderDefinition, ResourceDefinition } from './resource';

interface Compiled<D> {
  readonly def: D;
  readonly schema: TopSchema;
  readonly type: CtyType;
  readonly protocol: Schema;
}

/**
 * Compiled schemas and the schema answer, once per definition object rather than per server: a
 * definition never changes, and the release executable starts from a V8 startup snapshot taken
 * after a warm-up (provider/plugin/snapshot-main.ts), so work cached here is work no provider
 * process does again.
 */
const compiledOnce = new WeakMap<object, Compiled<{ schema: TopSchema }>>();
const schemaAnswerOnce = new WeakMap<object, GetProviderSchemaResponse>();

function compile<D extends { schema: TopSchema }>(def: D, implicitId: boolean): Compiled<D> {
  let c = compiledOnce.get(def) as Compiled<D> | undefined;
  if (!c) {
    const schema = implicitId ? withImplicitId(def.schema) : def.schema;
    c = { def, schema, type: impliedType(schema), protocol: toProtocolSchema(schema) };
    compiledOnce.set(def, c);
  }
  return c;
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

/** Units of work for a request value (yielder.ts): one per KiB, what decoding it costs. */
const kib = (dv: DynamicValueBytes | undefined): number => (dv?.msgpack?.length ?? dv?.json?.length ?? 0) >> 10;

/** decode, then a checkpoint charged with the value's size (units: kib). */
function* decoded(dv: DynamicValueBytes | undefined, type: CtyType, what: string, y: Yielder): Steps<Value> {
  const v = decode(dv, type, what);
  if (y.checkpoint(kib(dv))) yield;
  return v;
}

/**
 * Runs a handler's steps, giving the event loop a turn whenever they yield (yielder.ts), and
 * turns a stop (Cancelled) into the one cancellation diagnostic, DiagnosticsError into its
 * diagnostics and anything else into one. A small call runs synchronously to the end.
 */
async function guarded<T extends DiagnosticsResponse>(
  call: CallContext | undefined,
  fallback: (diags: Diagnostic[]) => T,
  body: (y: Yielder) => Steps<T>,
): Promise<T> {
  const y = new Yielder(call);
  try {
    return await runSteps(body(y), y);
  } catch (e) {
    if (e instanceof Cancelled) return fallback([cancelledDiagnostic()]);
    if (e instanceof DiagnosticsError) return fallback([...e.diagnostics]);
    return fallback([errorDiag('Internal error in the provider', (e as Error)?.message ?? String(e))]);
  }
}

const planFailure = (diagnostics: Diagnostic[]): PlanResourceChangeResponse => ({ diagnostics, requiresReplace: [], legacyTypeSystem: true });
const applyFailure = (diagnostics: Diagnostic[]): ApplyResourceChangeResponse => ({ diagnostics, legacyTypeSystem: true });

/** Sets with identical elements collapse in cty; the SDK's set semantics do the same. */
function* normalizeSets(body: BodySpec, v: Value, y: Yielder): Steps<Value> {
  if (!isObjectValue(v)) return v;
  const out = obj(Object.entries(v));
  for (const [name, b] of sortedEntries(body.blocks)) {
    const elems = out[name];
    if (!Array.isArray(elems)) continue;
    const inner: Value[] = [];
    for (const e of elems) {
      inner.push(yield* normalizeSets(b, e, y));
      if (y.tick()) yield;
    }
    out[name] = b.nesting === 'set' ? yield* dedupeSetSteps(b, inner, y) : inner;
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
  private readonly definition: ProviderDefinition<P>;

  constructor(definition: ProviderDefinition<P>, options: ServerOptions = {}) {
    this.definition = definition;
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
    // Built once per definition: tofu may ask several times and the answer never changes (the
    // protocol layer also encodes it once per answer object).
    let answer = schemaAnswerOnce.get(this.definition);
    if (!answer) {
      const resourceSchemas: Record<string, Schema> = {};
      for (const [name, r] of this.resources) resourceSchemas[name] = r.protocol;
      const dataSourceSchemas: Record<string, Schema> = {};
      for (const [name, d] of this.dataSources) dataSourceSchemas[name] = d.protocol;
      answer = {
        provider: this.provider.protocol,
        providerMeta: { version: 0, block: { attributes: [], blockTypes: [], description: '', descriptionKind: 'plain', deprecated: false } },
        resourceSchemas,
        dataSourceSchemas,
        serverCapabilities: { planDestroy: false, getProviderSchemaOptional: true, moveResourceState: false, generateResourceConfig: false },
        diagnostics: [],
      };
      schemaAnswerOnce.set(this.definition, answer);
    }
    return answer;
  }

  validateProviderConfig(req: ValidateProviderConfigRequest, call?: CallContext): Promise<ValidateProviderConfigResponse> {
    return guarded<ValidateProviderConfigResponse>(call, (diagnostics) => ({ diagnostics }), (y) => this.validateProviderConfigSteps(req, y));
  }

  private *validateProviderConfigSteps(req: ValidateProviderConfigRequest, y: Yielder): Steps<ValidateProviderConfigResponse> {
    const config = yield* decoded(req.config, this.provider.type, 'provider configuration', y);
    return { diagnostics: yield* validateBodySteps(this.provider.schema, config, y), preparedConfig: req.config };
  }

  validateResourceConfig(req: ValidateResourceConfigRequest, call?: CallContext): Promise<DiagnosticsResponse> {
    return guarded(call, (diagnostics) => ({ diagnostics }), (y) => this.validateConfigSteps(this.resource(req.typeName), req.config, 'resource configuration', y));
  }

  validateDataResourceConfig(req: ValidateDataResourceConfigRequest, call?: CallContext): Promise<DiagnosticsResponse> {
    return guarded(call, (diagnostics) => ({ diagnostics }), (y) => this.validateConfigSteps(this.dataSource(req.typeName), req.config, 'data source configuration', y));
  }

  private *validateConfigSteps(c: Compiled<unknown>, dv: DynamicValueBytes, what: string, y: Yielder): Steps<DiagnosticsResponse> {
    const config = yield* decoded(dv, c.type, what, y);
    return { diagnostics: yield* validateBodySteps(c.schema, config, y) };
  }

  upgradeResourceState(req: UpgradeResourceStateRequest, call?: CallContext): Promise<UpgradeResourceStateResponse> {
    return guarded<UpgradeResourceStateResponse>(call, (diagnostics) => ({ diagnostics }), (y) => this.upgradeResourceStateSteps(req, y));
  }

  private *upgradeResourceStateSteps(req: UpgradeResourceStateRequest, y: Yielder): Steps<UpgradeResourceStateResponse> {
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
    if (y.checkpoint((req.rawState.json?.length ?? 0) >> 10)) yield;
    if (value === null) return { diagnostics: [], upgradedState: encode(null, r.type) };
    const shaped = yield* shapeStored(r.schema, value, y);
    if (y.checkpoint()) yield;
    return { diagnostics: [], upgradedState: encode(shaped, r.type) };
  }

  configureProvider(req: ConfigureProviderRequest, call: CallContext): Promise<DiagnosticsResponse> {
    return guarded(call, (diagnostics) => ({ diagnostics }), (y) => this.configureProviderSteps(req, call, y));
  }

  private *configureProviderSteps(req: ConfigureProviderRequest, call: CallContext, y: Yielder): Steps<DiagnosticsResponse> {
    const config = yield* decoded(req.config, this.provider.type, 'provider configuration', y);
    const withDefs = yield* withDefaultsSteps(this.provider.schema, config, y);
    // Last chance to stop: configure() changes this server's state.
    y.throwIfStopped();
    const { data, diagnostics = [] } = this.provider.def.configure(withDefs, {
      env: this.env,
      logger: this.logger,
      get signal(): AbortSignal {
        return call.signal;
      },
    });
    if (data !== undefined && !hasErrors(diagnostics)) this.configured = data;
    return { diagnostics };
  }

  readResource(req: ReadResourceRequest, call: CallContext): Promise<ReadResourceResponse> {
    return guarded<ReadResourceResponse>(call, (diagnostics) => ({ diagnostics }), (y) => this.readResourceSteps(req, call, y));
  }

  private *readResourceSteps(req: ReadResourceRequest, call: CallContext, y: Yielder): Steps<ReadResourceResponse> {
    const r = this.resource(req.typeName);
    const state = decode(req.currentState, r.type, 'prior state');
    if (!isObjectValue(state) || !r.def.read) return { diagnostics: [], newState: req.currentState, private: req.private };
    if (y.checkpoint(kib(req.currentState))) yield;
    const result = r.def.read(state, this.ctx(call));
    if (y.checkpoint()) yield;
    const newState = result.state === null ? null : yield* shapeStateSteps(r.schema, result.state, y);
    if (y.checkpoint()) yield;
    return { diagnostics: result.diagnostics ?? [], newState: encode(newState, r.type), private: req.private };
  }

  planResourceChange(req: PlanResourceChangeRequest, call: CallContext): Promise<PlanResourceChangeResponse> {
    return guarded(call, planFailure, (y) => this.planResourceChangeSteps(req, call, y));
  }

  private *planResourceChangeSteps(req: PlanResourceChangeRequest, call: CallContext, y: Yielder): Steps<PlanResourceChangeResponse> {
    const r = this.resource(req.typeName);
    const prior = yield* decoded(req.priorState, r.type, 'prior state', y);
    const proposed = yield* decoded(req.proposedNewState, r.type, 'proposed new state', y);
    const config = yield* decoded(req.config, r.type, 'configuration', y);
    // Destroy: nothing to plan (we do not announce plan_destroy, but answer correctly anyway).
    if (proposed === null) return { diagnostics: [], plannedState: encode(null, r.type), requiresReplace: [], legacyTypeSystem: true };

    const withDefs = (yield* normalizeSets(r.schema, yield* withDefaultsSteps(r.schema, config, y), y)) as ObjectValue;
    if (y.checkpoint()) yield;
    let planned: ObjectValue;
    let requiresReplace: AttributePath[] = [];
    let changed: Set<string>;
    if (!isObjectValue(prior)) {
      planned = yield* planNewSteps(r.schema, withDefs, y);
      // On create the SDK's HasChange is true only for members given a non-empty value.
      changed = new Set(Object.keys(withDefs).filter((k) => isSetValue(withDefs[k] ?? null)));
    } else {
      const changes = yield* changedMembersSteps(r.schema, prior, withDefs, y);
      if (changes.length === 0) {
        return { diagnostics: [], plannedState: req.priorState, plannedPrivate: req.priorPrivate, requiresReplace: [], legacyTypeSystem: true };
      }
      if (y.checkpoint()) yield;
      changed = new Set(changes.map((p) => (p[0] as { attribute: string }).attribute));
      const forcesNew = [...changed].some((name) => (r.schema.attributes[name] ?? r.schema.blocks?.[name])?.forceNew);
      if (forcesNew) {
        planned = yield* planNewSteps(r.schema, withDefs, y);
        if (y.checkpoint()) yield;
        requiresReplace = yield* replacePathsSteps(r.schema, prior, withDefs, changed, y);
      } else {
        // In-place update: configured values, computed values kept from prior state.
        planned = planUpdate(r.schema, prior, withDefs);
      }
    }
    if (y.checkpoint()) yield;
    const diagnostics = r.def.customizeDiff ? [...r.def.customizeDiff(diffView(r.schema, prior, planned), changed, this.ctx(call))] : [];
    if (hasErrors(diagnostics)) return planFailure(diagnostics);
    if (y.checkpoint()) yield;
    return { diagnostics, plannedState: encode(planned, r.type), requiresReplace, legacyTypeSystem: true };
  }

  applyResourceChange(req: ApplyResourceChangeRequest, call: CallContext): Promise<ApplyResourceChangeResponse> {
    return guarded(call, applyFailure, (y) => this.applyResourceChangeSteps(req, call, y));
  }

  private *applyResourceChangeSteps(req: ApplyResourceChangeRequest, call: CallContext, y: Yielder): Steps<ApplyResourceChangeResponse> {
    const r = this.resource(req.typeName);
    const planned = yield* decoded(req.plannedState, r.type, 'planned state', y);
    const prior = yield* decoded(req.priorState, r.type, 'prior state', y);
    // Delete is a no-op for every Coder resource: the object is simply dropped from state.
    if (planned === null) return { diagnostics: [], newState: encode(null, r.type), legacyTypeSystem: true };
    if (!isObjectValue(planned)) return applyFailure([errorDiag('Invalid planned state', 'The planned state is not an object.')]);
    if (isObjectValue(prior) && !hasUnknownId(planned)) {
      // An in-place update keeps the object: no Coder resource has one, but be correct anyway.
      return { diagnostics: [], newState: encode(yield* shapeStateSteps(r.schema, planned, y), r.type), legacyTypeSystem: true };
    }
    // Last chance to stop: once create() ran, its result is reported rather than thrown away.
    y.throwIfStopped();
    const result = r.def.create(planned, this.ctx(call));
    const newState = result.state === null ? null : shapeState(r.schema, runSync(normalizeSets(r.schema, result.state, Yielder.never)));
    return { diagnostics: result.diagnostics ?? [], newState: encode(newState, r.type), legacyTypeSystem: true };
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
    return guarded<ReadDataSourceResponse>(call, (diagnostics) => ({ diagnostics }), (y) => this.readDataSourceSteps(req, call, y));
  }

  private *readDataSourceSteps(req: ReadDataSourceRequest, call: CallContext, y: Yielder): Steps<ReadDataSourceResponse> {
    const d = this.dataSource(req.typeName);
    const config = yield* decoded(req.config, d.type, 'data source configuration', y);
    const withDefs = (yield* normalizeSets(d.schema, yield* withDefaultsSteps(d.schema, config, y), y)) as ObjectValue;
    if (y.checkpoint()) yield;
    const result = d.def.read(withDefs, this.ctx(call));
    if (hasErrors(result.diagnostics ?? []) || result.state === null) return { diagnostics: result.diagnostics ?? [] };
    if (y.checkpoint()) yield;
    const merged = obj(Object.entries(withDefs));
    for (const [k, v] of Object.entries(result.state)) merged[k] = v;
    const state = yield* shapeDataState(d.schema, merged, new Set(Object.keys(result.state)), y);
    if (y.checkpoint()) yield;
    return { diagnostics: result.diagnostics ?? [], state: encode(state, d.type) };
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
function* shapeDataState(body: BodySpec, value: ObjectValue, setByRead: ReadonlySet<string>, y: Yielder): Steps<ObjectValue> {
  const shaped = yield* shapeStateSteps(body, value, y);
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
function* shapeStored(body: BodySpec, value: Value, y: Yielder, nested = false): Steps<ObjectValue> {
  const v = isObjectValue(value) ? value : obj();
  const out = obj();
  for (const [name] of sortedEntries(body.attributes)) out[name] = v[name] ?? null;
  for (const [name, b] of sortedEntries(body.blocks)) {
    const elems = Array.isArray(v[name]) ? (v[name] as Value[]) : [];
    const shaped: Value[] = [];
    for (const e of elems) {
      shaped.push(yield* shapeStored(b, e, y, true));
      if (y.tick()) yield;
    }
    out[name] = shaped;
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
