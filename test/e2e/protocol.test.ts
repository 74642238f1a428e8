/**
 * Which plugin protocol real tofu speaks with our provider: 6 by default (tofu offers 5 and 6),
 * 5 when pinned with TF_PROVIDER_CODER_MAX_PROTOCOL. go-plugin's client logs the negotiated
 * version at debug level ("using plugin: version=N").
 */
import { E2E_TEST_TIMEOUT_MS, createWorkdir, init, runTofu, type Protocol } from './harness';

jest.setTimeout(E2E_TEST_TIMEOUT_MS);

const files = {
  'main.tf': `terraform {
  required_providers {
    coder = { source = "coder/coder" }
  }
}
data "coder_workspace" "me" {}
`,
};

describe('negotiated plugin protocol', () => {
  it.each([
    [undefined, 6],
    [6, 6],
    [5, 5],
  ] as [Protocol | undefined, number][])('pinned to %s → tofu uses protocol %s', async (pin, expected) => {
    const wd = createWorkdir({ files, provider: 'ours', ...(pin ? { protocol: pin } : {}) });
    try {
      await init(wd);
      const r = await runTofu(wd, ['plan', '-input=false', '-no-color'], { env: { TF_LOG: 'debug' } });
      expect(r.code).toBe(0);
      const versions = [...r.stderr.matchAll(/using plugin: version=(\d+)/g)].map((m) => Number(m[1]));
      expect(versions.length).toBeGreaterThan(0);
      expect(new Set(versions)).toEqual(new Set([expected]));
    } finally {
      wd.cleanup();
    }
  });
});
