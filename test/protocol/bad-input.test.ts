/**
 * Hostile and malformed requests sent straight to the real provider bundle over gRPC: every one is
 * answered with an error diagnostic, and the process keeps serving afterwards.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT, channelCredentials, connect, killAllChildren, pluginEnv, startPlugin, unary, type Clients, type PluginProcess } from './plugin-harness';

const BIN = join(ROOT, 'dist/terraform-provider-coder');

interface Diag {
  severity: number;
  summary: string;
  detail?: string;
}
type Resp = { diagnostics?: Diag[] };

let plugin: PluginProcess;
let clients: Clients;

beforeAll(async () => {
  if (!existsSync(BIN)) throw new Error('dist/terraform-provider-coder is missing: run `npm run build` first');
  plugin = startPlugin(BIN, pluginEnv({ PLUGIN_PROTOCOL_VERSIONS: '6' }));
  const hs = await plugin.handshake;
  clients = connect(hs, channelCredentials(hs));
});

afterAll(() => {
  clients?.close();
  killAllChildren();
});

const garbage: [string, Buffer][] = [
  ['empty map for an object', Buffer.from([0x80])],
  ['truncated map', Buffer.from([0x85, 0xa2, 0x6f, 0x73])],
  ['a string instead of an object', Buffer.from([0xa3, 0x61, 0x62, 0x63])],
  ['an array declaring 4 billion elements', Buffer.from([0xdd, 0xff, 0xff, 0xff, 0xff, 0x00])],
  ['deep nesting', Buffer.concat([Buffer.alloc(100_000, 0x91), Buffer.from([0xc0])])],
  ['an unknown extension with a long payload', Buffer.from([0xc7, 0x04, 0x05, 1, 2, 3, 4])],
  ['trailing bytes after nil', Buffer.from([0xc0, 0xc0])],
  ['reserved byte 0xc1', Buffer.from([0xc1])],
];

const isError = (d: Diag): boolean => d.severity === 1;

describe('malformed msgpack from a gRPC client', () => {
  it.each(garbage)('ValidateResourceConfig with %s → error diagnostic', async (_name, bytes) => {
    const r = await unary<Resp>(clients.provider, 'ValidateResourceConfig', { typeName: 'coder_agent', config: { msgpack: bytes } });
    expect((r.diagnostics ?? []).some(isError)).toBe(true);
  });

  it.each(garbage)('PlanResourceChange with %s → error diagnostic', async (_name, bytes) => {
    const r = await unary<Resp>(clients.provider, 'PlanResourceChange', {
      typeName: 'coder_env',
      priorState: { msgpack: Buffer.from([0xc0]) },
      proposedNewState: { msgpack: bytes },
      config: { msgpack: bytes },
    });
    expect((r.diagnostics ?? []).some(isError)).toBe(true);
  });

  it.each(garbage)('ReadDataSource with %s → error diagnostic', async (_name, bytes) => {
    const r = await unary<Resp>(clients.provider, 'ReadDataSource', { typeName: 'coder_workspace', config: { msgpack: bytes } });
    expect((r.diagnostics ?? []).some(isError)).toBe(true);
  });

  it('UpgradeResourceState with broken JSON → error diagnostic', async () => {
    const r = await unary<Resp>(clients.provider, 'UpgradeResourceState', { typeName: 'coder_env', version: 1, rawState: { json: Buffer.from('{"id": ') } });
    expect((r.diagnostics ?? []).some(isError)).toBe(true);
  });

  it('an unknown resource type → error diagnostic naming it', async () => {
    const r = await unary<Resp>(clients.provider, 'ValidateResourceConfig', { typeName: 'coder_nope', config: { msgpack: Buffer.from([0xc0]) } });
    expect(r.diagnostics?.[0]).toMatchObject({ severity: 1, detail: expect.stringContaining('coder_nope') });
  });

  it('state from a newer provider version → error diagnostic', async () => {
    const r = await unary<Resp>(clients.provider, 'UpgradeResourceState', { typeName: 'coder_env', version: 99, rawState: { json: Buffer.from('{}') } });
    expect(r.diagnostics?.[0]?.severity).toBe(1);
  });

  it('is still healthy and correct after all of that', async () => {
    const health = await unary<{ status: number }>(clients.health, 'Check', { service: 'plugin' });
    expect(health.status).toBe(1);
    const schema = await unary<{ resourceSchemas: Record<string, unknown> }>(clients.provider, 'GetProviderSchema', {});
    expect(Object.keys(schema.resourceSchemas)).toContain('coder_agent');
    expect(plugin.child.exitCode).toBeNull();
  });
});
