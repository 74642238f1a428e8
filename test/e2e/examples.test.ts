/**
 * Every example in examples/ runs through real OpenTofu and our provider: init, validate, plan,
 * apply, a second plan with no changes, destroy. Protocol 6 is what tofu negotiates; the templates
 * run again pinned to protocol 5. Where the Go provider supports every type an example uses, the
 * same example runs through it too and the states must be equal (random IDs and tokens aside).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import {
  E2E_TEST_TIMEOUT_MS,
  REPO_ROOT,
  apply,
  coderBuildEnv,
  createWorkdir,
  destroy,
  init,
  plan,
  planDetailedExitCode,
  showJson,
  validate,
  type ProviderKind,
  type Protocol,
} from './harness';
import { normalizePlanChanges, normalizeResources } from './normalize';

jest.setTimeout(E2E_TEST_TIMEOUT_MS);

const EXAMPLES = join(REPO_ROOT, 'examples');

/** Every directory under examples/ holding .tf files (cdktf and other non-HCL examples aside). */
function exampleDirs(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    const entries = readdirSync(dir);
    if (entries.some((e) => e.endsWith('.tf'))) out.push(dir);
    for (const e of entries) if (statSync(join(dir, e)).isDirectory() && e !== 'cdktf') walk(join(dir, e));
  };
  walk(EXAMPLES);
  return out.map((d) => d.slice(EXAMPLES.length + 1)).sort();
}

function filesOf(rel: string): Record<string, string> {
  const dir = join(EXAMPLES, rel);
  const files: Record<string, string> = {};
  for (const f of readdirSync(dir)) if (f.endsWith('.tf')) files[f] = readFileSync(join(dir, f), 'utf8');
  return files;
}

/** The build environment plus the user secrets the examples declare. */
const buildEnv = coderBuildEnv({
  CODER_SECRET_ENV_GITHUB_TOKEN: 'ghp_exampleToken',
  [`CODER_SECRET_FILE_${Buffer.from('~/.aws/credentials').toString('hex')}`]: '[default]\naws_secret_access_key = example',
  [`CODER_SECRET_FILE_${Buffer.from('~/.npmrc').toString('hex')}`]: '//registry.npmjs.org/:_authToken=example',
});

/** Types the Go provider reference (v2.18.0) lacks: coder_secret was reverted upstream. */
const goLacks = (files: Record<string, string>): boolean => Object.values(files).some((t) => t.includes('"coder_secret"'));

async function lifecycle(rel: string, provider: ProviderKind, protocol?: Protocol) {
  const files = filesOf(rel);
  const wd = createWorkdir({ files, provider, ...(protocol ? { protocol } : {}) });
  try {
    await init(wd, { env: buildEnv });
    const v = await validate(wd, { env: buildEnv });
    expect(v.error_count).toBe(0);
    await plan(wd, { env: buildEnv, out: 'tfplan' });
    const planned = await showJson(wd, 'tfplan', { env: buildEnv });
    await apply(wd, { env: buildEnv, planFile: 'tfplan' });
    const state = await showJson(wd, undefined, { env: buildEnv });
    const replan = await planDetailedExitCode(wd, { env: buildEnv });
    expect({ example: rel, replanExit: replan.code, output: replan.code === 0 ? '' : replan.stdout }).toEqual({ example: rel, replanExit: 0, output: '' });
    await destroy(wd, { env: buildEnv });
    const after = await showJson(wd, undefined, { env: buildEnv });
    expect(after.values?.root_module?.resources ?? []).toEqual([]);
    return { planned, state };
  } finally {
    wd.cleanup();
  }
}

const dirs = exampleDirs();

describe('examples through our provider (protocol 6)', () => {
  it('finds the examples', () => {
    expect(dirs.length).toBeGreaterThanOrEqual(10);
  });

  it.each(dirs)('%s: init, validate, plan, apply, empty re-plan, destroy', async (rel) => {
    const { state } = await lifecycle(rel, 'ours');
    // examples/provider only configures the provider block; every other example creates objects.
    if (rel !== 'provider') expect(state.values?.root_module?.resources?.length ?? 0).toBeGreaterThan(0);
  });
});

describe('templates through our provider pinned to protocol 5', () => {
  it.each(dirs.filter((d) => d.startsWith('templates/')))('%s', async (rel) => {
    await lifecycle(rel, 'ours', 5);
  });
});

describe('same state as the Go provider', () => {
  const comparable = dirs.filter((d) => !goLacks(filesOf(d)));
  it.each(comparable)('%s', async (rel) => {
    const [ours, go] = await Promise.all([lifecycle(rel, 'ours'), lifecycle(rel, 'go')]);
    expect(normalizePlanChanges(ours.planned)).toEqual(normalizePlanChanges(go.planned));
    expect(normalizeResources(ours.state)).toEqual(normalizeResources(go.state));
  });
});
