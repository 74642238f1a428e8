/**
 * Reference data captured from the real Go provider through real OpenTofu, committed under
 * test/fixtures/go-provider/. This test fails when the committed fixture no longer matches what
 * the Go provider prints; regenerate with:
 *
 *   UPDATE_GO_FIXTURES=1 npx jest test/e2e/go-fixtures.test.ts
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { E2E_TEST_TIMEOUT_MS, REPO_ROOT, createWorkdir, init, providersSchemaJson } from './harness';

jest.setTimeout(E2E_TEST_TIMEOUT_MS);

const FIXTURES = path.join(REPO_ROOT, 'test', 'fixtures', 'go-provider');
const update = process.env.UPDATE_GO_FIXTURES === '1';

/** Pretty-printed as tofu printed it (key order kept), 2-space indent, trailing newline. */
const pretty = (v: unknown): string => `${JSON.stringify(v, null, 2)}\n`;

test('schema.json = `tofu providers schema -json` through the Go provider (source "coder/coder")', async () => {
  const wd = createWorkdir({
    provider: 'go',
    files: { 'main.tf': 'terraform {\n  required_providers {\n    coder = { source = "coder/coder" }\n  }\n}\n' },
  });
  await init(wd);
  const live = pretty(await providersSchemaJson(wd));
  const file = path.join(FIXTURES, 'schema.json');
  if (update) {
    fs.mkdirSync(FIXTURES, { recursive: true });
    fs.writeFileSync(file, live);
  }
  expect(Object.keys(JSON.parse(live).provider_schemas)).toEqual(['registry.opentofu.org/coder/coder']);
  expect(fs.readFileSync(file, 'utf8')).toBe(live);
});
