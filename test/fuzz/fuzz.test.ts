/**
 * The fixed-seed, small version of `npm run fuzz` (scripts/fuzz.ts) for the default test run: the
 * same decoder and gRPC fuzzers with a few thousand inputs, plus negative controls showing that
 * their oracles do report broken decoders and a provider that accepts anything.
 */
import { join } from 'node:path';
import { decodeMsgpack, StringType, ValueError } from '../../provider/values';
import { ROOT, buildFakeBundle, removeDir } from '../protocol/plugin-harness';
import { runDecoderFuzz } from './lib/decoders';
import { runGrpcFuzz, type GrpcFuzzResult } from './lib/grpc-fuzz';
import { formatFindings, formatStatsTable } from './lib/report';

jest.setTimeout(180_000);

const BIN = join(ROOT, 'dist/terraform-provider-coder');
const SEED = 20261129;

// eslint-disable-next-line no-console
const report = (line: string): void => console.info(line);

describe('decoders (provider/values), fixed seed', () => {
  test('3,000 inputs across every target: no crash, no hang, no inconsistency', () => {
    const r = runDecoderFuzz({ seed: SEED, inputs: 3000, maxString: 256 * 1024 });
    report(`decoder fuzz: ${r.inputs} inputs in ${r.ms.toFixed(0)} ms\n${formatStatsTable(r.stats)}`);
    expect(formatFindings(r.log.findings)).toBe('  (none)');
    expect(r.inputs).toBe(3000);
    for (const [name, s] of r.stats) {
      expect({ name, inputs: s.inputs > 0 }).toEqual({ name, inputs: true });
      if (name.includes('mutated') || name.includes('random') || name.includes('wrong-type')) {
        // Damaged inputs reach both outcomes: the fuzzer is not only feeding garbage or only valid data.
        expect({ name, accepted: s.accepted > 0, rejected: s.rejected > 0 }).toEqual({ name, accepted: true, rejected: true });
      }
    }
  });

  test('negative control: a decoder that crashes or changes values is reported', () => {
    let calls = 0;
    const broken: typeof decodeMsgpack = (bytes, type) => {
      calls++;
      if (bytes.length % 7 === 3) throw new TypeError('broken decoder');
      const v = decodeMsgpack(bytes, type);
      return type.kind === 'object' && bytes.length % 5 === 0 ? null : v;
    };
    const r = runDecoderFuzz({ seed: SEED, inputs: 600, maxString: 4096, decoders: { msgpack: broken } });
    expect(calls).toBeGreaterThan(0);
    expect(r.log.count('crash')).toBeGreaterThan(0);
    expect(r.log.findings.some((f) => f.kind === 'crash' && f.detail.includes('broken decoder'))).toBe(true);
    expect(r.log.count('inconsistency')).toBeGreaterThan(0);
  });

  test('negative control: a JSON decoder that throws plain Errors is reported', () => {
    const r = runDecoderFuzz({
      seed: SEED,
      inputs: 300,
      maxString: 4096,
      decoders: {
        json: () => {
          throw new Error('not a ValueError');
        },
      },
    });
    expect(r.log.count('crash')).toBeGreaterThan(0);
    // The real decoder's own errors are fine (sanity of the distinction).
    expect(() => decodeMsgpack(Buffer.from([0xc1]), StringType)).toThrow(ValueError);
  });
});

function summary(r: GrpcFuzzResult): string {
  return (
    `gRPC fuzz v${r.protocol}: ${r.inputs} calls in ${r.ms.toFixed(0)} ms; latency p50 ${r.latency.p50.toFixed(1)} ms, p99 ${r.latency.p99.toFixed(1)} ms; ` +
    `RSS ${r.memory ? `${r.memory.warmMiB.toFixed(0)}→${r.memory.endMiB.toFixed(0)} MiB` : 'n/a'}; exit after Shutdown ${r.shutdownExitCode}\n${formatStatsTable(r.strategies)}`
  );
}

describe('every provider RPC over gRPC to the real bundle, fixed seed', () => {
  test.each([
    [6, 1000],
    [5, 600],
  ] as const)('protocol %i, %i calls: every call answered in time, errors only as diagnostics (UNIMPLEMENTED for unimplemented methods), still healthy, clean exit', async (protocol, inputs) => {
    const r = await runGrpcFuzz({ bin: BIN, seed: SEED, inputs, protocol, concurrency: 16, maxString: 256 * 1024, heapLimitMiB: 128 });
    report(summary(r));
    expect(formatFindings(r.log.findings)).toBe('  (none)');
    expect(r.inputs).toBe(inputs);
    expect(r.restarts).toBe(0);
    expect(r.shutdownExitCode).toBe(0);
    // Every implemented RPC got inputs, and both outcomes occurred overall.
    const implemented =
      protocol === 6
        ? ['ValidateResourceConfig', 'ValidateDataResourceConfig', 'UpgradeResourceState', 'ReadResource', 'PlanResourceChange', 'ApplyResourceChange', 'ReadDataSource', 'ConfigureProvider', 'ValidateProviderConfig', 'ImportResourceState', 'MoveResourceState']
        : ['ValidateResourceTypeConfig', 'ValidateDataSourceConfig', 'UpgradeResourceState', 'ReadResource', 'PlanResourceChange', 'ApplyResourceChange', 'ReadDataSource', 'Configure', 'PrepareProviderConfig', 'ImportResourceState', 'MoveResourceState'];
    for (const m of implemented) expect({ m, inputs: (r.stats.get(m)?.inputs ?? 0) > 0 }).toEqual({ m, inputs: true });
    const valid = r.strategies.get('valid')!;
    expect(valid.accepted).toBeGreaterThan(0);
    expect(r.strategies.get('proto-garbage')!.rejected).toBeGreaterThan(0);
  });

  test('negative control: a provider that accepts anything is caught (fake bundle)', async () => {
    const { bin, dir } = buildFakeBundle();
    try {
      const r = await runGrpcFuzz({ bin, seed: SEED, inputs: 300, protocol: 6, concurrency: 16, maxString: 64 * 1024 });
      // Its ValidateResourceConfig answers "fine" for unknown types and undecodable configs, and
      // its ReadDataSource returns no state.
      expect(r.log.count('accepted-invalid')).toBeGreaterThan(0);
      expect(r.log.count('bad-response')).toBeGreaterThan(0);
      expect(r.log.count('crash')).toBe(0);
    } finally {
      removeDir(dir);
    }
  });
});
