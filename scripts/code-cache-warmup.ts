/**
 * Build-time warm-up for the code cache (scripts/code-cache.mjs explains the layout):
 *
 *   node warmup.cjs <staged executable> <preload hook> <cache output file>
 *
 * Starts the staged executable the way tofu does (magic cookie, protocols 5 and 6 offered,
 * AutoMTLS with a fresh client certificate, the environment of a Coder start build) with the
 * preload hook, then makes the calls a plan and an apply make: the schema, provider
 * configuration, and for every resource type and data source validation, planning, apply, read
 * and state upgrade, with small configurations built from the provider's own schema. Errors in
 * answers are expected for placeholder configurations and ignored: the point is that the code
 * ran. Finally SIGUSR2 makes the hook write the code cache and exit.
 *
 * Works with any provider the entry point is built with (the tests build one with a fake
 * provider): everything it knows about types comes from GetProviderSchema.
 */
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import { generateCertificate } from '../provider/plugin/cert';
import { encodeJson } from '../provider/values/json';
import { decodeMsgpack, encodeMsgpack } from '../provider/values/msgpack';
import { obj, type Value } from '../provider/values/value';
import { blockType, fillRequired, type PartialConfig, type WireBlock } from '../bench/lib/wire-values';
import { coderBuildEnv } from '../test/e2e/harness';
import { channelCredentials, connect, COOKIE, parseHandshake, unary, type Clients } from '../test/protocol/plugin-harness';

const [stage, hook, cacheOut] = process.argv.slice(2);
if (!stage || !hook || !cacheOut) {
  process.stderr.write('usage: warmup.cjs <executable> <hook.cjs> <cache file>\n');
  process.exit(2);
}

/** Configurations closer to real templates than placeholders, for the types templates use most. */
const EXAMPLES: Record<string, PartialConfig> = {
  coder_agent: {
    os: 'linux',
    arch: 'amd64',
    dir: '/home/coder',
    startup_script: 'echo hello',
    env: obj({ EDITOR: 'vim', LANG: 'C.UTF-8' }),
    metadata: [{ key: 'cpu', display_name: 'CPU', script: 'coder stat cpu', interval: 10, timeout: 1 }],
    display_apps: [{ vscode: true, web_terminal: true }],
  },
  coder_app: {
    agent_id: 'agent-id',
    slug: 'code-server',
    display_name: 'code-server',
    url: 'http://localhost:13337/?folder=/home/coder',
    icon: '/icon/code.svg',
    subdomain: false,
    share: 'owner',
    healthcheck: [{ url: 'http://localhost:13337/healthz', interval: 5, threshold: 6 }],
  },
  coder_script: { agent_id: 'agent-id', display_name: 'Backup', script: 'true', cron: '0 30 2 * * *', icon: '/icon/database.svg' },
  coder_env: { agent_id: 'agent-id', name: 'REGION', value: 'eu-west' },
  coder_metadata: { resource_id: 'resource-id', item: [{ key: 'owner', value: 'alice' }, { key: 'secret', value: 'x', sensitive: true }] },
  coder_parameter: {
    name: 'region',
    type: 'string',
    default: 'eu-west',
    mutable: true,
    icon: '/emojis/1f30d.png',
    option: [
      { name: 'Europe', value: 'eu-west' },
      { name: 'US', value: 'us-east' },
    ],
  },
  coder_secret: { env: 'WARMUP_TOKEN', help_message: 'Add a secret WARMUP_TOKEN.' },
};

type Msg = Record<string, unknown>;

async function main(): Promise<void> {
  const identity = generateCertificate();
  const env: Record<string, string> = { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', TMPDIR: process.env.TMPDIR ?? '' };
  for (const [k, v] of Object.entries(coderBuildEnv())) if (v !== undefined) env[k] = v;
  Object.assign(env, {
    TF_PLUGIN_MAGIC_COOKIE: COOKIE,
    PLUGIN_PROTOCOL_VERSIONS: '5,6',
    PLUGIN_CLIENT_CERT: identity.certPem,
    CODER_SECRET_ENV_WARMUP_TOKEN: 'warm-up placeholder',
    TPC_CODE_CACHE_OUT: cacheOut!,
  });
  const child = spawn(process.execPath, ['-r', hook!, stage!], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr!.setEncoding('utf8').on('data', (d: string) => (stderr += d));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const line = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error(`no handshake within 30 s; stderr: ${stderr.slice(-2000)}`)), 30_000);
    child.stdout!.setEncoding('utf8').on('data', (d: string) => {
      out += d;
      const nl = out.indexOf('\n');
      if (nl >= 0) {
        clearTimeout(timer);
        resolve(out.slice(0, nl + 1));
      }
    });
    void exited.then((code) => reject(new Error(`exited (${code}) before the handshake; stderr: ${stderr.slice(-2000)}`)));
  });
  const hs = parseHandshake(line);
  const clients = connect(hs, channelCredentials(hs, identity), hs.protocol);
  try {
    if (process.env.TPC_WARMUP_DEPTH !== 'startup') await exercise(clients, hs.protocol === 5 ? 5 : 6);
    await unary(clients.health, 'Check', { service: 'plugin' }).catch(() => undefined);
  } finally {
    clients.close();
  }
  child.kill('SIGUSR2');
  const code = await exited;
  if (code !== 0 || !fs.existsSync(cacheOut!)) throw new Error(`no code cache written (exit ${code}); stderr: ${stderr.slice(-2000)}`);
  process.stderr.write(`code cache: ${fs.statSync(cacheOut!).size} bytes after ${calls} calls\n`);
}

let calls = 0;

async function exercise(c: Clients, protocol: 5 | 6): Promise<void> {
  const name = (v6: string, v5: string): string => (protocol === 6 ? v6 : v5);
  const call = async (method: string, req: Msg): Promise<Msg | undefined> => {
    calls++;
    return unary<Msg>(c.provider, method, req, 30_000).catch(() => undefined);
  };
  const schema = await call(name('GetProviderSchema', 'GetSchema'), {});
  if (!schema) throw new Error('GetProviderSchema failed during the warm-up');
  if (process.env.TPC_WARMUP_DEPTH === 'schema') return;
  await call('GetMetadata', {});
  const providerBlock = (schema.provider as { block?: WireBlock } | undefined)?.block ?? {};
  const dv = (b: WireBlock, v: Value): Msg => ({ msgpack: encodeMsgpack(v, blockType(b)) });
  const providerConfig = dv(providerBlock, fillRequired(providerBlock));
  await call(name('ValidateProviderConfig', 'PrepareProviderConfig'), { config: providerConfig });
  await call(name('ConfigureProvider', 'Configure'), { terraformVersion: '1.12.6', config: providerConfig });

  const resources = (schema.resourceSchemas ?? {}) as Record<string, { block: WireBlock }>;
  for (const [typeName, { block }] of Object.entries(resources)) {
    const type = blockType(block);
    const config = dv(block, fillRequired(block, EXAMPLES[typeName] ?? {}));
    const none = dv(block, null);
    await call(name('ValidateResourceConfig', 'ValidateResourceTypeConfig'), { typeName, config });
    const plan = await call('PlanResourceChange', { typeName, priorState: none, proposedNewState: config, config, priorPrivate: new Uint8Array(0) });
    const planned = (plan?.plannedState as { msgpack?: Uint8Array } | undefined)?.msgpack;
    if (!planned?.length) continue;
    const applied = await call('ApplyResourceChange', { typeName, priorState: none, plannedState: plan!.plannedState, config, plannedPrivate: plan!.plannedPrivate });
    const state = (applied?.newState as { msgpack?: Uint8Array } | undefined)?.msgpack;
    if (!state?.length) continue;
    await call('ReadResource', { typeName, currentState: applied!.newState, private: applied!.private });
    // What tofu sends on the next plan: the stored state as JSON, to be upgraded.
    try {
      const json = encodeJson(decodeMsgpack(state, type), type);
      await call('UpgradeResourceState', { typeName, version: 1, rawState: { json: Buffer.from(json) } });
    } catch {
      /* a state our codec cannot re-encode is not worth failing the build over */
    }
    // A second plan against the applied state (the no-change path).
    await call('PlanResourceChange', { typeName, priorState: applied!.newState, proposedNewState: applied!.newState, config, priorPrivate: applied!.private });
  }
  const dataSources = (schema.dataSourceSchemas ?? {}) as Record<string, { block: WireBlock }>;
  for (const [typeName, { block }] of Object.entries(dataSources)) {
    const config = dv(block, fillRequired(block, EXAMPLES[typeName] ?? {}));
    await call(name('ValidateDataResourceConfig', 'ValidateDataSourceConfig'), { typeName, config });
    await call('ReadDataSource', { typeName, config });
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`warm-up failed: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
