/**
 * AutoMTLS end to end: PLUGIN_CLIENT_CERT in, our certificate out in handshake field 6, and a real
 * TLS connection that only the holder of the client certificate can make.
 */
import * as grpc from '@grpc/grpc-js';
import { X509Certificate } from 'node:crypto';
import { generateCertificate } from '../../provider/plugin/cert';
import {
  buildFakeBundle,
  channelCredentials,
  connect,
  killAllChildren,
  listDir,
  pluginEnv,
  removeDir,
  startPlugin,
  tempDir,
  unary,
  type Clients,
  type Handshake,
  type PluginProcess,
} from './plugin-harness';

jest.setTimeout(20_000);

let bin: string;
let bundleDir: string;
let tmp: string;
const opened: Clients[] = [];
// What go-plugin's client does: its own self-signed certificate, passed as PEM.
const clientIdentity = generateCertificate();
const stranger = generateCertificate();

beforeAll(() => {
  ({ bin, dir: bundleDir } = buildFakeBundle());
}, 60_000);
afterAll(() => removeDir(bundleDir));
beforeEach(() => {
  tmp = tempDir();
});
afterEach(() => {
  opened.splice(0).forEach((c) => c.close());
  killAllChildren();
  removeDir(tmp);
});

async function startTls(): Promise<{ p: PluginProcess; hs: Handshake }> {
  const p = startPlugin(bin, pluginEnv({ TMPDIR: tmp, PLUGIN_CLIENT_CERT: clientIdentity.certPem }));
  return { p, hs: await p.handshake };
}

function clientsFor(hs: Handshake, creds: grpc.ChannelCredentials): Clients {
  const c = connect(hs, creds);
  opened.push(c);
  return c;
}

test('handshake field 6 is our certificate: unpadded base64 DER, valid for localhost', async () => {
  const { hs } = await startTls();
  expect(hs.fields).toHaveLength(6);
  expect(hs.certField.length).toBeGreaterThan(50); // go-plugin ignores shorter fields
  expect(hs.certField).toMatch(/^[A-Za-z0-9+/]+$/);
  const cert = new X509Certificate(hs.certDer!);
  expect(cert.checkHost('localhost')).toBe('localhost');
  expect(cert.verify(cert.publicKey)).toBe(true);
  expect(cert.ca).toBe(true);
  expect(cert.keyUsage).toEqual(expect.arrayContaining(['1.3.6.1.5.5.7.3.1', '1.3.6.1.5.5.7.3.2']));
});

test('a client presenting the PLUGIN_CLIENT_CERT identity gets through', async () => {
  const { hs } = await startTls();
  const c = clientsFor(hs, channelCredentials(hs, clientIdentity));
  expect(await unary(c.health, 'Check', { service: 'plugin' })).toEqual({ status: 1 });
  const schema = await unary(c.provider, 'GetProviderSchema', {});
  expect(schema.provider).toBeDefined();
});

test('a client without a certificate is refused', async () => {
  const { hs } = await startTls();
  const c = clientsFor(hs, channelCredentials(hs, null));
  await expect(unary(c.health, 'Check', { service: 'plugin' }, 3000)).rejects.toMatchObject({ code: grpc.status.UNAVAILABLE });
});

test('a client with a different certificate is refused', async () => {
  const { hs } = await startTls();
  const c = clientsFor(hs, channelCredentials(hs, stranger));
  await expect(unary(c.health, 'Check', { service: 'plugin' }, 3000)).rejects.toMatchObject({ code: grpc.status.UNAVAILABLE });
});

test('a plaintext client is refused', async () => {
  const { hs } = await startTls();
  const c = clientsFor(hs, grpc.credentials.createInsecure());
  await expect(unary(c.health, 'Check', { service: 'plugin' }, 3000)).rejects.toMatchObject({ code: grpc.status.UNAVAILABLE });
});

test('every launch has a fresh key and certificate', async () => {
  const a = await startTls();
  const b = startPlugin(bin, pluginEnv({ TMPDIR: tmp, PLUGIN_CLIENT_CERT: clientIdentity.certPem }));
  expect((await b.handshake).certField).not.toBe(a.hs.certField);
});

test('a PLUGIN_CLIENT_CERT that is not PEM: exit 1, error on stderr, nothing on stdout, nothing left on disk', async () => {
  const p: PluginProcess = startPlugin(bin, pluginEnv({ TMPDIR: tmp, PLUGIN_CLIENT_CERT: 'garbage' }));
  const exit = await p.exited;
  expect(exit.code).toBe(1);
  expect(p.stdout()).toBe('');
  expect(p.stderr()).toContain('plugin failed to start');
  expect(listDir(tmp)).toEqual([]);
});
