/**
 * End-to-end over a real grpc-js server on a unix socket: a fake ProviderServer registered for
 * protocol 5 and 6, called through grpc-js clients built from the exported service definitions.
 */
import * as grpc from '@grpc/grpc-js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  goPluginServices,
  registerProviderService,
  tfplugin5ProviderService,
  tfplugin6ProviderService,
} from '../../provider/protocol/register';
import type {
  CallContext,
  DiagnosticsResponse,
  GetProviderSchemaResponse,
  PlanResourceChangeRequest,
  PlanResourceChangeResponse,
  ProviderServer,
  SchemaAttribute,
} from '../../provider/protocol/interface';
import { listOf, mapOf, StringType } from '../../provider/values/types';

// ---------------------------------------------------------------------------------------------
// Test double
// ---------------------------------------------------------------------------------------------

function attr(name: string, extra: Partial<SchemaAttribute> = {}): SchemaAttribute {
  return {
    name,
    type: StringType,
    description: '',
    descriptionKind: 'plain',
    required: false,
    optional: true,
    computed: false,
    sensitive: false,
    deprecated: false,
    writeOnly: false,
    ...extra,
  };
}

const emptyBlock = { attributes: [], blockTypes: [], description: '', descriptionKind: 'plain', deprecated: false } as const;

const SCHEMA: GetProviderSchemaResponse = {
  provider: { version: 0, block: { ...emptyBlock, attributes: [attr('url')] } },
  providerMeta: { version: 0, block: emptyBlock },
  resourceSchemas: {
    coder_agent: {
      version: 1,
      block: {
        ...emptyBlock,
        attributes: [attr('id', { optional: false, computed: true }), attr('env', { type: mapOf(StringType) })],
        blockTypes: [
          { typeName: 'metadata', nesting: 'list', minItems: 0, maxItems: 0, block: { ...emptyBlock, attributes: [attr('key', { type: listOf(StringType) })] } },
          { typeName: 'display_apps', nesting: 'single', minItems: 0, maxItems: 1, block: emptyBlock },
        ],
      },
    },
  },
  dataSourceSchemas: { coder_workspace: { version: 0, block: { ...emptyBlock, attributes: [attr('name', { computed: true, optional: false })] } } },
  serverCapabilities: { planDestroy: true, getProviderSchemaOptional: false, moveResourceState: false, generateResourceConfig: false },
  diagnostics: [{ severity: 'warning', summary: 'schema warning' }],
};

const noDiags: DiagnosticsResponse = { diagnostics: [] };

/** A ProviderServer whose methods can be replaced per test; records the requests it saw. */
class FakeProvider implements ProviderServer {
  readonly seen: Array<{ method: string; req: unknown; ctx: CallContext }> = [];
  stopCalls = 0;
  stopResult = '';
  overrides: Partial<Record<keyof ProviderServer, (req: unknown, ctx: CallContext) => unknown>> = {};

  private async dispatch<T>(method: keyof ProviderServer, req: unknown, ctx: CallContext, dflt: () => T): Promise<T> {
    this.seen.push({ method, req, ctx });
    const o = this.overrides[method];
    return o ? ((await o(req, ctx)) as T) : dflt();
  }

  getProviderSchema(ctx: CallContext) {
    return this.dispatch('getProviderSchema', undefined, ctx, () => SCHEMA);
  }
  validateProviderConfig(req: Parameters<ProviderServer['validateProviderConfig']>[0], ctx: CallContext) {
    return this.dispatch('validateProviderConfig', req, ctx, () => noDiags);
  }
  validateResourceConfig(req: Parameters<ProviderServer['validateResourceConfig']>[0], ctx: CallContext) {
    return this.dispatch('validateResourceConfig', req, ctx, () => noDiags);
  }
  validateDataResourceConfig(req: Parameters<ProviderServer['validateDataResourceConfig']>[0], ctx: CallContext) {
    return this.dispatch('validateDataResourceConfig', req, ctx, () => noDiags);
  }
  upgradeResourceState(req: Parameters<ProviderServer['upgradeResourceState']>[0], ctx: CallContext) {
    return this.dispatch('upgradeResourceState', req, ctx, () => ({ diagnostics: [], upgradedState: { json: req.rawState.json } }));
  }
  configureProvider(req: Parameters<ProviderServer['configureProvider']>[0], ctx: CallContext) {
    return this.dispatch('configureProvider', req, ctx, () => noDiags);
  }
  readResource(req: Parameters<ProviderServer['readResource']>[0], ctx: CallContext) {
    return this.dispatch('readResource', req, ctx, () => ({ diagnostics: [], newState: req.currentState, private: req.private }));
  }
  planResourceChange(req: PlanResourceChangeRequest, ctx: CallContext) {
    return this.dispatch<PlanResourceChangeResponse>('planResourceChange', req, ctx, () => ({
      diagnostics: [],
      plannedState: req.proposedNewState,
      requiresReplace: [[{ attribute: 'env' }, { key: 'HOME' }], [{ attribute: 'metadata' }, { index: 1 }]],
      plannedPrivate: Uint8Array.of(42),
      legacyTypeSystem: false,
    }));
  }
  applyResourceChange(req: Parameters<ProviderServer['applyResourceChange']>[0], ctx: CallContext) {
    return this.dispatch('applyResourceChange', req, ctx, () => ({ diagnostics: [], newState: req.plannedState, legacyTypeSystem: false }));
  }
  importResourceState(req: Parameters<ProviderServer['importResourceState']>[0], ctx: CallContext) {
    return this.dispatch('importResourceState', req, ctx, () => ({
      diagnostics: [],
      importedResources: [{ typeName: req.typeName, state: { msgpack: Buffer.from(req.id) } }],
    }));
  }
  moveResourceState(req: Parameters<ProviderServer['moveResourceState']>[0], ctx: CallContext) {
    return this.dispatch('moveResourceState', req, ctx, () => ({ diagnostics: [], targetState: { json: req.sourceState.json } }));
  }
  readDataSource(req: Parameters<ProviderServer['readDataSource']>[0], ctx: CallContext) {
    return this.dispatch('readDataSource', req, ctx, () => ({ diagnostics: [], state: req.config }));
  }
  async stopProvider(): Promise<string> {
    this.stopCalls++;
    return this.stopResult;
  }
}

// ---------------------------------------------------------------------------------------------
// Harness
// ---------------------------------------------------------------------------------------------

type AnyClient = grpc.Client & Record<string, (...args: unknown[]) => grpc.ClientUnaryCall>;

interface Harness {
  server: grpc.Server;
  address: string;
  client(def: grpc.ServiceDefinition): AnyClient;
  close(): Promise<void>;
}

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'proto-test-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

let socketCounter = 0;
async function startServer(setup: (server: grpc.Server) => void): Promise<Harness> {
  const server = new grpc.Server();
  setup(server);
  const address = `unix://${join(dir, `s${socketCounter++}.sock`)}`;
  await new Promise<void>((resolve, reject) =>
    server.bindAsync(address, grpc.ServerCredentials.createInsecure(), (err) => (err ? reject(err) : resolve())),
  );
  const clients: grpc.Client[] = [];
  return {
    server,
    address,
    client(def) {
      const Ctor = grpc.makeGenericClientConstructor(def as grpc.ServiceDefinition<grpc.UntypedServiceImplementation>, 'Svc');
      const cl = new Ctor(address, grpc.credentials.createInsecure()) as unknown as AnyClient;
      clients.push(cl);
      return cl;
    },
    async close() {
      for (const cl of clients) cl.close();
      await new Promise<void>((resolve) => server.tryShutdown(() => resolve()));
    },
  };
}

function unary<T = any>(client: AnyClient, method: string, req: object): Promise<T> {
  return new Promise((resolve, reject) => {
    const fn = client[method];
    if (typeof fn !== 'function') return reject(new Error(`client has no method ${method}`));
    fn.call(client, req, (err: grpc.ServiceError | null, res: T) => (err ? reject(err) : resolve(res)));
  });
}

function deferred<T = void>(): { promise: Promise<T>; resolve(v: T): void } {
  let resolve!: (v: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

const MSGPACK_OBJ = Uint8Array.of(0x81, 0xa2, 0x69, 0x64, 0xa1, 0x78); // {"id":"x"}

// ---------------------------------------------------------------------------------------------
// Per-version suites
// ---------------------------------------------------------------------------------------------

const VERSIONS = [
  {
    v: 5 as const,
    def: tfplugin5ProviderService,
    service: 'tfplugin5.Provider',
    names: {
      schema: 'GetSchema',
      validateProvider: 'PrepareProviderConfig',
      validateResource: 'ValidateResourceTypeConfig',
      validateData: 'ValidateDataSourceConfig',
      configure: 'Configure',
      stop: 'Stop',
    },
  },
  {
    v: 6 as const,
    def: tfplugin6ProviderService,
    service: 'tfplugin6.Provider',
    names: {
      schema: 'GetProviderSchema',
      validateProvider: 'ValidateProviderConfig',
      validateResource: 'ValidateResourceConfig',
      validateData: 'ValidateDataResourceConfig',
      configure: 'ConfigureProvider',
      stop: 'StopProvider',
    },
  },
];

describe.each(VERSIONS)('protocol $v', ({ v, def, service, names }) => {
  let h: Harness;
  let fake: FakeProvider;
  let client: AnyClient;
  const calls: Array<[string, number]> = [];

  beforeEach(async () => {
    fake = new FakeProvider();
    calls.length = 0;
    h = await startServer((server) => registerProviderService(server, v, fake, { onCall: (m, ms) => calls.push([m, ms]) }));
    client = h.client(def);
  });
  afterEach(async () => {
    await h.close();
  });

  test('service paths use the protocol package', () => {
    expect(def[names.schema]!.path).toBe(`/${service}/${names.schema}`);
    expect(def.PlanResourceChange!.path).toBe(`/${service}/PlanResourceChange`);
  });

  test('schema: every Schema and NestedBlock carries a block; types, flags, capabilities, diagnostics', async () => {
    const res = await unary(client, names.schema, {});
    expect(res.provider.block).not.toBeNull();
    expect(res.provider.block.attributes[0].name).toBe('url');
    expect(res.providerMeta.block).not.toBeNull();
    const agent = res.resourceSchemas.coder_agent;
    expect(Number(agent.version)).toBe(1);
    expect(agent.block.attributes.map((a: any) => [a.name, JSON.parse(Buffer.from(a.type).toString())])).toEqual([
      ['id', 'string'],
      ['env', ['map', 'string']],
    ]);
    expect(agent.block.attributes[0]).toMatchObject({ computed: true, optional: false });
    const [metadata, displayApps] = agent.block.blockTypes;
    expect(metadata).toMatchObject({ typeName: 'metadata', nesting: 2 });
    expect(displayApps).toMatchObject({ typeName: 'display_apps', nesting: 1 });
    expect(displayApps.block).not.toBeNull(); // empty block still sent
    expect(displayApps.block.attributes).toEqual([]);
    expect(res.dataSourceSchemas.coder_workspace.block.attributes[0].name).toBe('name');
    expect(res.serverCapabilities).toMatchObject({ planDestroy: true, getProviderSchemaOptional: false });
    expect(res.diagnostics).toEqual([expect.objectContaining({ severity: 2, summary: 'schema warning' })]);
    expect(calls.map((c) => c[0])).toEqual([names.schema]);
    expect(calls[0]![1]).toBeGreaterThanOrEqual(0);
  });

  test('validate/configure requests are converted; client capabilities pass through', async () => {
    const res = await unary(client, names.validateProvider, { config: { msgpack: MSGPACK_OBJ } });
    expect(res.diagnostics).toEqual([]);
    if (v === 5) expect(Array.from(res.preparedConfig.msgpack)).toEqual(Array.from(MSGPACK_OBJ)); // echoed
    await unary(client, names.validateResource, { typeName: 'coder_agent', config: { msgpack: MSGPACK_OBJ }, clientCapabilities: { writeOnlyAttributesAllowed: true } });
    await unary(client, names.validateData, { typeName: 'coder_workspace', config: { msgpack: MSGPACK_OBJ } });
    await unary(client, names.configure, { terraformVersion: '1.9.0', config: { msgpack: MSGPACK_OBJ } });
    const seen = Object.fromEntries(fake.seen.map((s) => [s.method, s.req]));
    expect(seen.validateProviderConfig).toEqual({ config: { msgpack: expect.any(Uint8Array) } });
    expect(seen.validateResourceConfig).toMatchObject({
      typeName: 'coder_agent',
      clientCapabilities: { writeOnlyAttributesAllowed: true, deferralAllowed: false },
    });
    expect(seen.validateDataResourceConfig).toMatchObject({ typeName: 'coder_workspace' });
    expect(seen.configureProvider).toMatchObject({ terraformVersion: '1.9.0', clientCapabilities: undefined });
  });

  test('resource lifecycle RPCs round-trip values, private data and paths', async () => {
    const up = await unary(client, 'UpgradeResourceState', { typeName: 'coder_agent', version: 1, rawState: { json: Buffer.from('{"id":"x"}') } });
    expect(Buffer.from(up.upgradedState.json).toString()).toBe('{"id":"x"}');
    expect(fake.seen.at(-1)!.req).toMatchObject({ version: 1 });

    const read = await unary(client, 'ReadResource', { typeName: 'coder_agent', currentState: { msgpack: MSGPACK_OBJ }, private: Uint8Array.of(7) });
    expect(Array.from(read.newState.msgpack)).toEqual(Array.from(MSGPACK_OBJ));
    expect(Array.from(read.private)).toEqual([7]);

    const plan = await unary(client, 'PlanResourceChange', {
      typeName: 'coder_agent',
      priorState: { msgpack: Uint8Array.of(0xc0) },
      proposedNewState: { msgpack: MSGPACK_OBJ },
      config: { msgpack: MSGPACK_OBJ },
    });
    expect(fake.seen.at(-1)!.req).toMatchObject({ typeName: 'coder_agent', priorPrivate: new Uint8Array(0), providerMeta: undefined });
    expect(Array.from(plan.plannedState.msgpack)).toEqual(Array.from(MSGPACK_OBJ));
    expect(plan.legacyTypeSystem).toBe(false);
    expect(Array.from(plan.plannedPrivate)).toEqual([42]);
    expect(plan.requiresReplace).toEqual([
      { steps: [expect.objectContaining({ attributeName: 'env' }), expect.objectContaining({ elementKeyString: 'HOME' })] },
      { steps: [expect.objectContaining({ attributeName: 'metadata' }), expect.anything()] },
    ]);
    expect(Number(plan.requiresReplace[1].steps[1].elementKeyInt)).toBe(1);

    const apply = await unary(client, 'ApplyResourceChange', { typeName: 'coder_agent', plannedState: { msgpack: MSGPACK_OBJ } });
    expect(Array.from(apply.newState.msgpack)).toEqual(Array.from(MSGPACK_OBJ));

    const imp = await unary(client, 'ImportResourceState', { typeName: 'coder_agent', id: 'abc' });
    expect(imp.importedResources).toHaveLength(1);
    expect(imp.importedResources[0].typeName).toBe('coder_agent');
    expect(Buffer.from(imp.importedResources[0].state.msgpack).toString()).toBe('abc');

    const move = await unary(client, 'MoveResourceState', { sourceTypeName: 'a', targetTypeName: 'b', sourceSchemaVersion: 3, sourceState: { json: Buffer.from('{}') } });
    expect(Buffer.from(move.targetState.json).toString()).toBe('{}');
    expect(fake.seen.at(-1)!.req).toMatchObject({ sourceSchemaVersion: 3, sourceTypeName: 'a', targetTypeName: 'b' });

    const ds = await unary(client, 'ReadDataSource', { typeName: 'coder_workspace', config: { msgpack: MSGPACK_OBJ }, providerMeta: { msgpack: Uint8Array.of(0xc0) } });
    expect(Array.from(ds.state.msgpack)).toEqual(Array.from(MSGPACK_OBJ));
    const dsReq = fake.seen.at(-1)!.req as { providerMeta?: { msgpack?: Uint8Array } };
    expect(Array.from(dsReq.providerMeta!.msgpack!)).toEqual([0xc0]);
  });

  test('a throwing or rejecting provider method becomes an error diagnostic, not a gRPC error', async () => {
    fake.overrides.readResource = () => {
      throw new Error('exploded while reading');
    };
    fake.overrides.planResourceChange = async () => Promise.reject(new TypeError('bad plan'));
    fake.overrides.configureProvider = () => {
      throw { not: 'an error' };
    };
    const read = await unary(client, 'ReadResource', { typeName: 'coder_agent' });
    expect(read.diagnostics).toEqual([
      expect.objectContaining({ severity: 1, summary: 'Internal error in the provider', detail: 'exploded while reading' }),
    ]);
    expect(read.newState).toBeNull();
    const plan = await unary(client, 'PlanResourceChange', { typeName: 'coder_agent' });
    expect(plan.diagnostics[0]).toMatchObject({ severity: 1, detail: 'bad plan' });
    const conf = await unary(client, names.configure, {});
    expect(conf.diagnostics[0]).toMatchObject({ severity: 1, summary: 'Internal error in the provider' });
    expect(conf.diagnostics[0].detail).not.toContain('an error');
  });

  test('a throwing schema call still answers with a provider schema that has a block', async () => {
    fake.overrides.getProviderSchema = () => {
      throw new Error('no schema');
    };
    const res = await unary(client, names.schema, {});
    expect(res.diagnostics[0]).toMatchObject({ severity: 1, detail: 'no schema' });
    expect(res.provider.block).not.toBeNull();
  });

  test('an unconvertible schema (attribute without type) becomes a diagnostic', async () => {
    fake.overrides.getProviderSchema = () => ({
      ...SCHEMA,
      resourceSchemas: { broken: { version: 0, block: { ...emptyBlock, attributes: [attr('x', { type: undefined })] } } },
    });
    const res = await unary(client, names.schema, {});
    expect(res.diagnostics[0]).toMatchObject({ severity: 1, summary: 'Internal error in the provider' });
    expect(res.diagnostics[0].detail).toMatch(/"x" has no type/);
  });

  test('provider diagnostics keep severity, detail and attribute path', async () => {
    fake.overrides.validateResourceConfig = () => ({
      diagnostics: [
        { severity: 'error', summary: 'Bad', detail: 'very bad', path: [{ attribute: 'metadata' }, { index: 0 }, { attribute: 'key' }] },
        { severity: 'warning', summary: 'Meh' },
      ],
    });
    const res = await unary(client, names.validateResource, { typeName: 'coder_agent' });
    expect(res.diagnostics).toHaveLength(2);
    expect(res.diagnostics[0]).toMatchObject({ severity: 1, summary: 'Bad', detail: 'very bad' });
    expect(res.diagnostics[0].attribute.steps.map((s: any) => s.selector)).toEqual(['attributeName', 'elementKeyInt', 'attributeName']);
    expect(res.diagnostics[1]).toMatchObject({ severity: 2, summary: 'Meh' });
    expect(res.diagnostics[1].attribute).toBeNull();
  });

  test('Stop aborts the signal of calls in flight, later calls get a fresh signal', async () => {
    const started = deferred();
    fake.overrides.planResourceChange = (_req, ctx) =>
      new Promise((resolve) => {
        started.resolve();
        ctx.signal.addEventListener('abort', () =>
          resolve({ diagnostics: [{ severity: 'error', summary: 'cancelled', detail: String((ctx.signal.reason as Error).message) }], requiresReplace: [], legacyTypeSystem: false }),
        );
      });
    fake.stopResult = '';
    const inFlight = unary(client, 'PlanResourceChange', { typeName: 'coder_agent' });
    await started.promise;
    const stop = await unary(client, names.stop, {});
    expect(stop.Error).toBe('');
    expect(fake.stopCalls).toBe(1);
    const plan = await inFlight;
    expect(plan.diagnostics[0]).toMatchObject({ summary: 'cancelled' });
    expect(plan.diagnostics[0].detail).toMatch(/stop/i);

    // The process keeps serving and new calls are not pre-aborted.
    await unary(client, names.validateProvider, {});
    expect(fake.seen.at(-1)!.ctx.signal.aborted).toBe(false);
  });

  test('Stop reports the provider error text, and a throwing stopProvider becomes that text', async () => {
    fake.stopResult = 'could not stop';
    expect((await unary(client, names.stop, {})).Error).toBe('could not stop');
    fake.stopProvider = async () => {
      throw new Error('stop blew up');
    };
    expect((await unary(client, names.stop, {})).Error).toBe('stop blew up');
  });

  test('a client-side cancel aborts the call signal', async () => {
    const aborted = deferred<string>();
    const started = deferred();
    fake.overrides.applyResourceChange = (_req, ctx) =>
      new Promise(() => {
        started.resolve();
        ctx.signal.addEventListener('abort', () => aborted.resolve((ctx.signal.reason as Error).message));
      });
    const errP = new Promise<grpc.ServiceError>((resolve) => {
      const call = client.ApplyResourceChange!({ typeName: 'coder_agent' }, (err: grpc.ServiceError) => resolve(err));
      void started.promise.then(() => call.cancel());
    });
    expect((await errP).code).toBe(grpc.status.CANCELLED);
    expect(await aborted.promise).toMatch(/cancelled/);
  });

  test('GetMetadata from the schema; identity schemas and functions are empty maps', async () => {
    const md = await unary(client, 'GetMetadata', {});
    expect(md.resources.map((r: any) => r.typeName)).toEqual(['coder_agent']);
    expect(md.dataSources.map((r: any) => r.typeName)).toEqual(['coder_workspace']);
    expect(md.serverCapabilities.planDestroy).toBe(true);
    const ids = await unary(client, 'GetResourceIdentitySchemas', {});
    expect(ids.identitySchemas).toEqual({});
    expect(ids.diagnostics).toEqual([]);
    const fns = await unary(client, 'GetFunctions', {});
    expect(fns.functions).toEqual({});
  });

  test('unsupported and unknown methods answer UNIMPLEMENTED', async () => {
    for (const m of ['CallFunction', 'ValidateEphemeralResourceConfig', 'OpenEphemeralResource', 'UpgradeResourceIdentity', 'GenerateResourceConfig', 'PlanAction']) {
      await expect(unary(client, m, {})).rejects.toMatchObject({ code: grpc.status.UNIMPLEMENTED });
    }
    // Server streaming (ListResource, InvokeAction)
    for (const m of ['ListResource', 'InvokeAction']) {
      const err = await new Promise<grpc.ServiceError>((resolve, reject) => {
        const stream = (client[m] as unknown as (req: object) => grpc.ClientReadableStream<unknown>)({});
        stream.on('data', () => reject(new Error('unexpected data')));
        stream.on('error', (e: grpc.ServiceError) => resolve(e));
      });
      expect(err.code).toBe(grpc.status.UNIMPLEMENTED);
    }
    // A method that is not part of the service at all.
    const err = await new Promise<grpc.ServiceError>((resolve) => {
      client.makeUnaryRequest(
        `/${service}/NoSuchMethod`,
        (x: object) => Buffer.from(JSON.stringify(x)),
        (b: Buffer) => b,
        {},
        (e) => resolve(e as grpc.ServiceError),
      );
    });
    expect(err.code).toBe(grpc.status.UNIMPLEMENTED);
    expect(fake.seen).toHaveLength(0);
  });
});

// ---------------------------------------------------------------------------------------------
// Version-specific and cross-cutting behaviour
// ---------------------------------------------------------------------------------------------

test('protocol 6 state-store client stream answers UNIMPLEMENTED; protocol 5 has no state stores', async () => {
  const h = await startServer((s) => registerProviderService(s, 6, new FakeProvider()));
  try {
    const client = h.client(tfplugin6ProviderService);
    const err = await new Promise<grpc.ServiceError>((resolve) => {
      const stream = (client.WriteStateBytes as unknown as (cb: (e: grpc.ServiceError) => void) => grpc.ClientWritableStream<unknown>)((e) => resolve(e));
      stream.write({ bytes: Uint8Array.of(1) });
      stream.end();
    });
    expect(err.code).toBe(grpc.status.UNIMPLEMENTED);
    expect(tfplugin5ProviderService.WriteStateBytes).toBeUndefined();
    expect(tfplugin6ProviderService.ReadStateBytes!.responseStream).toBe(true);
    expect(tfplugin6ProviderService.WriteStateBytes!.requestStream).toBe(true);
  } finally {
    await h.close();
  }
});

test('v5 nested attribute types cannot be expressed and become a diagnostic', async () => {
  const fake = new FakeProvider();
  fake.overrides.getProviderSchema = () => ({
    ...SCHEMA,
    resourceSchemas: {
      r: { version: 0, block: { ...emptyBlock, attributes: [attr('n', { type: undefined, nestedType: { nesting: 'single', attributes: [attr('a')] } })] } },
    },
  });
  const h = await startServer((s) => {
    registerProviderService(s, 5, fake);
  });
  try {
    const res = await unary(h.client(tfplugin5ProviderService), 'GetSchema', {});
    expect(res.diagnostics[0].detail).toMatch(/protocol 5/);
  } finally {
    await h.close();
  }
});

test('both versions on one server share the stop signal', async () => {
  const fake5 = new FakeProvider();
  const fake6 = new FakeProvider();
  const started = deferred();
  fake6.overrides.readDataSource = (_req, ctx) =>
    new Promise((resolve) => {
      started.resolve();
      ctx.signal.addEventListener('abort', () => resolve({ diagnostics: [{ severity: 'error', summary: 'stopped' }] }));
    });
  const h = await startServer((s) => {
    registerProviderService(s, 5, fake5);
    registerProviderService(s, 6, fake6);
  });
  try {
    const read = unary(h.client(tfplugin6ProviderService), 'ReadDataSource', {});
    await started.promise;
    await unary(h.client(tfplugin5ProviderService), 'Stop', {});
    expect((await read).diagnostics[0].summary).toBe('stopped');
  } finally {
    await h.close();
  }
});

test('a broken onCall hook does not affect the call', async () => {
  const h = await startServer((s) =>
    registerProviderService(s, 6, new FakeProvider(), {
      onCall() {
        throw new Error('hook failure');
      },
    }),
  );
  try {
    const res = await unary(h.client(tfplugin6ProviderService), 'ValidateProviderConfig', {});
    expect(res.diagnostics).toEqual([]);
  } finally {
    await h.close();
  }
});

test('go-plugin service definitions: paths, streaming flags, working codecs', async () => {
  const { health, controller, stdio, broker } = goPluginServices;
  expect(health.Check!.path).toBe('/grpc.health.v1.Health/Check');
  expect(health.Watch!.responseStream).toBe(true);
  expect(controller.Shutdown!.path).toBe('/plugin.GRPCController/Shutdown');
  expect(stdio.StreamStdio!.path).toBe('/plugin.GRPCStdio/StreamStdio');
  expect(stdio.StreamStdio!.responseStream).toBe(true);
  expect(broker.StartStream!.path).toBe('/plugin.GRPCBroker/StartStream');
  expect(broker.StartStream!.requestStream && broker.StartStream!.responseStream).toBe(true);

  let shutdowns = 0;
  const h = await startServer((s) => {
    s.addService(health, {
      Check: (call: grpc.ServerUnaryCall<{ service: string }, unknown>, cb: grpc.sendUnaryData<unknown>) =>
        cb(null, { status: call.request.service === 'plugin' ? 1 : 3 }),
      Watch: (call: grpc.ServerWritableStream<unknown, unknown>) => call.end(),
    });
    s.addService(controller, {
      Shutdown: (_call: unknown, cb: grpc.sendUnaryData<unknown>) => {
        shutdowns++;
        cb(null, {});
      },
    });
    s.addService(stdio, {
      StreamStdio: (call: grpc.ServerWritableStream<unknown, unknown>) => {
        call.write({ channel: 2, data: Buffer.from('hello') });
        call.end();
      },
    });
    s.addService(broker, {
      StartStream: (call: grpc.ServerDuplexStream<any, unknown>) => {
        call.on('data', (m: any) => call.write({ serviceId: m.serviceId + 1, network: m.network, address: m.address, knock: { ack: true } }));
        call.on('end', () => call.end());
      },
    });
  });
  try {
    expect((await unary(h.client(health), 'Check', { service: 'plugin' })).status).toBe(1);
    await unary(h.client(controller), 'Shutdown', {});
    expect(shutdowns).toBe(1);

    const chunks = await new Promise<any[]>((resolve, reject) => {
      const got: any[] = [];
      const stream = (h.client(stdio).StreamStdio as unknown as (req: object) => grpc.ClientReadableStream<any>)({});
      stream.on('data', (d) => got.push(d));
      stream.on('error', reject);
      stream.on('end', () => resolve(got));
    });
    expect(chunks).toHaveLength(1);
    expect(chunks[0].channel).toBe(2);
    expect(Buffer.from(chunks[0].data).toString()).toBe('hello');

    const echoed = await new Promise<any>((resolve, reject) => {
      const stream = (h.client(broker).StartStream as unknown as () => grpc.ClientDuplexStream<object, any>)();
      stream.on('data', (d) => {
        resolve(d);
        stream.end();
      });
      stream.on('error', reject);
      stream.write({ serviceId: 1, network: 'unix', address: '/tmp/x', knock: { knock: true } });
    });
    expect(echoed).toMatchObject({ serviceId: 2, network: 'unix', address: '/tmp/x' });
    expect(echoed.knock.ack).toBe(true);
  } finally {
    await h.close();
  }
});
