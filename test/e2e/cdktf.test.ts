/**
 * The CDKTF path end to end: the checked-in cdktn bindings (bindings/cdktf) match what the
 * generator makes of the provider's schema today; examples/cdktf synthesizes to a reproducible
 * cdk.tf.json; and real tofu plans and applies that JSON through our provider, masking the three
 * secrets the example wires in (a dynamic secret in coder_agent.env, a coder_secret in a
 * coder_env, a sensitive coder_metadata item) while the state holds them.
 *
 * The two sub-packages are installed from the npm registry on first use (.ci/run does it up
 * front with `npm run bindings -- --install`).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  BINDINGS_SRC,
  diffTrees,
  generateBindings,
  liveSchemaDocument,
  listFiles,
  prepareCdktfExample,
  synthExample,
} from '../../scripts/bindings.lib';
import { E2E_TEST_TIMEOUT_MS, REPO_ROOT, apply, coderBuildEnv, createWorkdir, findResource, init, plan, runTofu, showJson } from './harness';

jest.setTimeout(E2E_TEST_TIMEOUT_MS);

const SENTINEL = {
  githubToken: 'SENTINEL-cdktf-user-secret-5d0e',
  dbPassword: 'SENTINEL-cdktf-db-password-a41c',
};

const tmpDirs: string[] = [];
const tmp = (prefix: string): string => {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  tmpDirs.push(d);
  return d;
};
afterAll(() => {
  if (process.env.KEEP_E2E === '1') return;
  for (const d of tmpDirs) fs.rmSync(d, { recursive: true, force: true });
});

let synthesized: string;
beforeAll(() => {
  prepareCdktfExample();
  synthesized = synthExample(tmp('tpc-cdktf-synth-'));
}, 600_000);

describe('cdktn bindings', () => {
  it('are what the generator makes of the provider schema today (regenerate with `npm run bindings`)', async () => {
    const out = path.join(tmp('tpc-cdktf-gen-'), 'src');
    generateBindings(await liveSchemaDocument(), out);
    expect(listFiles(out).length).toBeGreaterThan(30);
    expect(diffTrees(out, BINDINGS_SRC)).toEqual([]);
  });

  it('detect drift: a schema with one attribute more generates different bindings', async () => {
    const doc = (await liveSchemaDocument()) as any;
    const env = Object.values(doc.provider_schemas as Record<string, any>)[0].resource_schemas.coder_env;
    env.block.attributes.drift_probe = { type: 'string', optional: true, description_kind: 'plain' };
    const out = path.join(tmp('tpc-cdktf-gen-'), 'src');
    generateBindings(doc, out);
    expect(diffTrees(out, BINDINGS_SRC)).toEqual(['~ env/index.ts']);
    expect(fs.readFileSync(path.join(out, 'env/index.ts'), 'utf8')).toContain('readonly driftProbe?: string;');
  });

  it('cover every resource and data source the provider serves', async () => {
    const doc = (await liveSchemaDocument()) as any;
    const schemas = Object.values(doc.provider_schemas as Record<string, any>)[0];
    const index = fs.readFileSync(path.join(BINDINGS_SRC, 'index.ts'), 'utf8');
    for (const type of Object.keys(schemas.resource_schemas)) {
      expect(index).toContain(`from './${type.replace(/^coder_/, '').replace(/_/g, '-')}/index'`);
    }
    for (const type of Object.keys(schemas.data_source_schemas)) {
      expect(index).toContain(`from './data-${type.replace(/_/g, '-')}/index'`);
    }
  });
});

describe('examples/cdktf', () => {
  it('synthesizes the same cdk.tf.json wherever it runs, with the secrets wired by reference', () => {
    const again = synthExample(tmp('tpc-cdktf-synth-'));
    expect(again).toBe(synthesized);
    expect(synthesized).not.toContain(REPO_ROOT);
    expect(synthesized).not.toContain(os.tmpdir());
    const j = JSON.parse(synthesized);
    expect(j.terraform.backend).toEqual({ local: { path: 'terraform.tfstate' } });
    expect(j.terraform.required_providers.coder).toEqual({ source: 'registry.terraform.io/coder/coder', version: '2.17.0' });
    expect(j.resource.coder_agent.main.env.API_KEY).toBe('${random_password.api_key.result}');
    expect(j.resource.coder_env.github_token_env.value).toBe('${data.coder_secret.github_token.value}');
    expect(j.data.coder_secret.github_token.env).toBe('GITHUB_TOKEN');
    expect(j.resource.coder_metadata.workspace_host_info.item).toContainEqual({ key: 'db_password', value: '${var.db_password}', sensitive: true });
    expect(j.variable.db_password.sensitive).toBe(true);
  });

  it('plans and applies with real tofu through our provider: secrets masked in output, present in state', async () => {
    const wd = createWorkdir({ files: { 'cdk.tf.json': synthesized }, provider: 'ours' });
    try {
      const env = coderBuildEnv({
        CODER_SECRET_ENV_GITHUB_TOKEN: SENTINEL.githubToken,
        TF_VAR_db_password: SENTINEL.dbPassword,
      });
      await init(wd, { env });
      const p = await plan(wd, { env, out: 'tfplan' });
      // Known at plan time and printed masked; the dynamic secret is "known after apply" here.
      expect(p.stdout).toMatch(/coder_env\.github_token_env will be created[\s\S]*?\+ value\s+= \(sensitive value\)/);
      expect(p.stdout).toMatch(/coder_metadata\.workspace_host_info will be created[\s\S]*?\+ value\s+= \(sensitive value\)/);
      expect(p.stdout).toMatch(/coder_agent\.main will be created[\s\S]*?\+ env\s+= \(known after apply\)/);
      const a = await apply(wd, { env, planFile: 'tfplan' });
      expect(a.stdout).toMatch(/Apply complete! Resources: 5 added/);
      // Once the key exists, `tofu show` prints the agent's env with that entry masked.
      const shown = await runTofu(wd, ['show', '-no-color'], { env });
      expect(shown.code).toBe(0);
      expect(shown.stdout).toMatch(/resource "coder_agent" "main" \{[\s\S]*?\n\s+env\s+= \{\s+"API_BASE"\s+= "https:\/\/api\.example\.com"\s+"API_KEY"\s+= \(sensitive value\)/);

      const state = await showJson(wd, undefined, { env });
      const apiKey = findResource(state, 'random_password.api_key').values.result as string;
      expect(apiKey).toMatch(/^[A-Za-z0-9]{40}$/);
      for (const secret of [SENTINEL.githubToken, SENTINEL.dbPassword, apiKey]) {
        expect(p.stdout).not.toContain(secret);
        expect(a.stdout).not.toContain(secret);
        expect(shown.stdout).not.toContain(secret);
      }

      const agent = findResource(state, 'coder_agent.main');
      expect(agent.values.env).toEqual({ API_KEY: apiKey, API_BASE: 'https://api.example.com' });
      expect(agent.sensitive_values.env).toEqual({ API_KEY: true });
      const coderEnv = findResource(state, 'coder_env.github_token_env');
      expect(coderEnv.values).toMatchObject({ name: 'GITHUB_TOKEN', value: SENTINEL.githubToken, agent_id: agent.values.id });
      expect(coderEnv.sensitive_values).toEqual({ value: true });
      const meta = findResource(state, 'coder_metadata.workspace_host_info');
      expect(meta.values.resource_id).toBe(findResource(state, 'terraform_data.workspace_host').values.id);
      expect(meta.values.item).toContainEqual(expect.objectContaining({ key: 'db_password', value: SENTINEL.dbPassword, sensitive: true }));
      // The local backend wrote the state where cdk.tf.json said: next to it.
      expect(fs.existsSync(path.join(wd.dir, 'terraform.tfstate'))).toBe(true);
    } finally {
      wd.cleanup();
    }
  });
});
