/**
 * Small, fixed-size runs of the benchmark's own machinery (`npm run bench` runs it at 10, 100 and
 * 1,000 resources): the generated template plans and applies with our provider, with the Go
 * provider and as the terraform_data floor; the secrets variant with ours; the RPC client gets
 * error-free answers from both providers; start-up is measured to the handshake. No timing is
 * asserted, only that every figure the report needs is produced.
 */
import { E2E_TEST_TIMEOUT_MS, goProviderBin, oursBin } from './harness';
import { benchRpc, RPCS } from '../../bench/lib/rpc';
import { benchStartup } from '../../bench/lib/startup';
import { TofuBench, type Subject } from '../../bench/lib/tofu';

jest.setTimeout(E2E_TEST_TIMEOUT_MS);

const SIZE = 15; // the two shared data sources, one full group of ten and a partial one

test.each<Subject>(['ours', 'go', 'floor', 'ours-secrets'])('%s: a generated template plans and applies from an empty state', async (subject) => {
  const b = new TofuBench(subject, SIZE);
  try {
    await b.prepare();
    const c = await b.cycle(); // throws unless tofu applied exactly the template's resources
    expect(c.planMs).toBeGreaterThan(0);
    expect(c.applyMs).toBeGreaterThan(0);
    if (subject === 'floor') {
      expect(c.providerProcesses).toBe(0);
      expect(c.providerPeakRssKb).toBeNull();
    } else {
      expect(c.providerProcesses).toBeGreaterThan(0);
      expect(c.providerPeakRssKb).toBeGreaterThan(1024);
      expect(c.providerCpuMs).toBeGreaterThan(0);
    }
  } finally {
    b.cleanup();
  }
});

test('the RPC client gets error-free answers from ours (protocols 5 and 6) and from the Go provider', async () => {
  const r = await benchRpc({ oursBin: oursBin(), goBin: goProviderBin(), iterations: 3, batch: 3 });
  expect(Object.keys(r.subjects).sort()).toEqual(['go-v5', 'ours-v5', 'ours-v6']);
  for (const s of Object.values(r.subjects)) {
    for (const rpc of RPCS) {
      expect(s[rpc].summary.n).toBe(3);
      expect(s[rpc].p50).toBeGreaterThan(0);
    }
  }
});

test('start-up is measured to the handshake and to the first schema for both providers', async () => {
  const s = await benchStartup({ oursBin: oursBin(), goBin: goProviderBin(), rounds: 1 });
  for (const p of [s.ours, s.go]) {
    expect(p.handshake.wallMs.n).toBe(1);
    expect(p.firstSchema.wallMs.median).toBeGreaterThanOrEqual(p.handshake.wallMs.median);
  }
  expect(s.nodeExitMs.median).toBeGreaterThan(0);
});
