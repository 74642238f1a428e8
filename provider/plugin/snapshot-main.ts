/**
 * Entry of the release executable, which starts from a V8 startup snapshot instead of loading a
 * script (scripts/snapshot.mjs builds it; the single executable embeds it).
 *
 * At build time this module runs once, inside `node --build-snapshot`: it loads everything plugin
 * mode needs (gRPC, both protocols' codecs, the provider), compiles the provider's schemas and
 * encodes the schema answer for both protocols; V8 then saves the heap. A provider process starts
 * from that heap and goes straight to the handshake: no code to read, parse or initialise, and
 * the first GetProviderSchema is already encoded.
 *
 * What must NOT happen here, because every process would start with the same state:
 * - anything random: tokens and key pairs come from crypto at run time (Node keeps a pool of
 *   random bytes for randomUUID; filling it here would give every process the same UUIDs);
 * - anything read from the environment, the clock or the disk (all read at run time);
 * - anything that opens a handle (socket, timer, file): V8 cannot save those.
 * Built-in modules that hold native state (net, tls, http2) are loaded on first use at run time
 * (scripts/lazy-builtins.mjs), so gRPC's top-level code can run here without touching them.
 */
import { startupSnapshot } from 'node:v8';
import { FrameworkServer } from '../framework/server';
import { coderProvider, createCoderProvider } from '../coder/provider';
import { withIdSource } from '../coder/ids';
import { providerServiceDefinition } from '../protocol/register';
import { schemaBytes as schemaBytesV5 } from '../protocol/v5';
import { schemaBytes as schemaBytesV6 } from '../protocol/v6';
import './plugin-mode';
import { warmUpHandlers } from './snapshot-warm-up';
import { startCli } from './start';

/** The command line: a single executable sees [exe, exe, ...args], `node --snapshot-blob F --` [node, ...args]. */
function commandLine(): string[] {
  const sea = process.getBuiltinModule?.('node:sea') as { isSea(): boolean } | undefined;
  return process.argv.slice(sea?.isSea() ? 2 : 1);
}

async function warmUp(): Promise<void> {
  for (const version of [5, 6] as const) providerServiceDefinition(version);
  // No environment: nothing read here may end up in the heap every process starts from.
  const server = new FrameworkServer(coderProvider, { env: () => undefined });
  const answer = await server.getProviderSchema();
  schemaBytesV5(answer);
  schemaBytesV6(answer);
  // Every RPC once, so that its code is compiled in the snapshot; IDs from a counter, not crypto.
  let n = 0;
  const counterId = (): string => `00000000-0000-4000-8000-${(n++).toString(16).padStart(12, '0')}`;
  await withIdSource(counterId, () => warmUpHandlers(server, coderProvider));
}

if (!startupSnapshot.isBuildingSnapshot()) {
  throw new Error('snapshot-main is the entry of a startup snapshot; run it with node --build-snapshot');
}
startupSnapshot.setDeserializeMainFunction(() => startCli(commandLine(), () => createCoderProvider));
void warmUp();
