/**
 * The four load scenarios of `npm run load` (scripts/load.scenarios.ts) at small sizes, so the
 * default run keeps them working: many resources at -parallelism=64 with an empty re-plan, tofu
 * runs in parallel, a coder_metadata with many items, a large coder_script. Figures (wall time,
 * peak RSS) are printed by `npm run load`, never asserted here.
 */
import { E2E_TEST_TIMEOUT_MS } from './harness';
import { bigScriptRun, bigTemplate, concurrentRuns, isProviderCommandLine, metadataItems, ITEMS_PER_OBJECT } from '../../scripts/load.scenarios';

jest.setTimeout(E2E_TEST_TIMEOUT_MS);

const opts = { timeoutMs: 120_000 };

describe('which processes the RSS figures cover', () => {
  const bundle = '.terraform/providers/registry.opentofu.org/coder/coder/2.17.0/linux_amd64/terraform-provider-coder_v2.17.0';
  it.each([
    [['node', bundle], true],
    [['/usr/bin/node', '/work/dist/terraform-provider-coder'], true],
    [[bundle], true],
    [['/usr/bin/node', '--cpu-prof', '--cpu-prof-dir=/tmp/p', bundle], true],
    [['/root/.cache/terraform-provider-coder-ts/tofu-v1.12.6/tofu', 'plan', '-no-color'], false],
    [['/usr/bin/env', 'node', bundle], false],
    [['node', '/tmp/tpc-run-x/script.cjs', bundle], false],
  ])('%j -> %s', (argv, expected) => {
    expect(isProviderCommandLine(argv as string[])).toBe(expected);
  });
});

describe('load scenarios, small sizes', () => {
  it('applies 50 coder resources at -parallelism=64, then re-plans with no changes', async () => {
    const r = await bigTemplate(50, opts);
    expect(r.facts).toEqual({
      resources: 50,
      agents: 10,
      envs: 10,
      scripts: 10,
      apps: 10,
      metadata: 10,
      metadataItems: 10 * ITEMS_PER_OBJECT,
      replanExit: 0,
    });
    // The sampler found the provider processes tofu started (what `npm run load` reports on).
    expect(r.rss.processes).toBeGreaterThan(0);
    expect(r.rss.peakKiB).toBeGreaterThan(0);
  });

  it('runs 3 tofu plan+apply cycles at once in separate work dirs', async () => {
    const r = await concurrentRuns(3, 10, opts);
    expect(r.facts).toMatchObject({ runs: 3, resourcesPerRun: 10, runsWithAllResources: 3 });
  });

  it('stores a coder_metadata with 500 items in order', async () => {
    const r = await metadataItems(500, opts);
    expect(r.facts).toEqual({ items: 500, inOrder: true, replanExit: 0 });
  });

  it('stores a 1 MiB coder_script byte for byte', async () => {
    const r = await bigScriptRun(1024 * 1024, opts);
    expect(r.facts).toEqual({ scriptBytes: 1024 * 1024, sameContent: true, replanExit: 0 });
  });
});
