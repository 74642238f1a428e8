/**
 * Proves the e2e harness end to end with real OpenTofu and the real Go provider, installed from
 * the filesystem mirror (nothing fetched). Our provider plugs into the same calls with
 * `provider: 'ours'`.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import {
  CODER_PROVIDER_VERSION,
  CODER_TEST_IDS,
  E2E_TEST_TIMEOUT_MS,
  MAX_PROTOCOL_ENV,
  RANDOM_PROVIDER_VERSION,
  apply,
  coderBuildEnv,
  coderParameterEnvName,
  commandEnv,
  createWorkdir,
  destroy,
  findResource,
  hostPlatform,
  init,
  lockedProviders,
  plan,
  planDetailedExitCode,
  providersSchemaJson,
  runTofu,
  showJson,
  stateResources,
  validate,
  type ProviderKind,
  type Workdir,
} from './harness';

jest.setTimeout(E2E_TEST_TIMEOUT_MS);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

const TEMPLATE = `
terraform {
  required_providers {
    coder = {
      source  = "coder/coder"
      version = "${CODER_PROVIDER_VERSION}"
    }
  }
}

data "coder_workspace" "me" {}
data "coder_workspace_owner" "me" {}

resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
  env = {
    OWNER = data.coder_workspace_owner.me.name
  }
  metadata {
    key          = "cpu"
    display_name = "CPU"
    script       = "top -bn1 | head -1"
    interval     = 10
    timeout      = 1
  }
}

resource "coder_env" "workspace_name" {
  agent_id = coder_agent.main.id
  name     = "WORKSPACE_NAME"
  value    = data.coder_workspace.me.name
}

resource "coder_metadata" "agent_info" {
  resource_id = coder_agent.main.id
  daily_cost  = 7
  item {
    key   = "owner"
    value = data.coder_workspace_owner.me.full_name
  }
  item {
    key       = "secret"
    value     = "shh"
    sensitive = true
  }
}

output "owner_email" {
  value = data.coder_workspace_owner.me.email
}
`;

/** Providers the full-cycle test runs against. 'ours' joins once dist/ serves the resources. */
const PROVIDERS: ProviderKind[] = ['go'];

describe.each(PROVIDERS)('full init → destroy cycle through tofu (%s provider)', (provider) => {
  let wd: Workdir;
  const env = coderBuildEnv();

  beforeAll(() => {
    wd = createWorkdir({ files: { 'main.tf': TEMPLATE }, provider });
  });

  test('init, validate, plan -out, apply the plan, no drift, destroy', async () => {
    const t0 = performance.now();
    const initRes = await init(wd);
    expect(initRes.stdout).toContain('has been successfully initialized');

    const v = await validate(wd);
    expect(v.diagnostics).toEqual([]);
    expect(v.valid).toBe(true);

    const p = await plan(wd, { out: true, env });
    expect(p.stdout).toContain('Plan: 3 to add, 0 to change, 0 to destroy.');
    const planned = await showJson(wd, p.planFile, { env });
    const creates = (planned.resource_changes as Array<{ address: string; change: { actions: string[] } }>)
      .filter((c) => c.change.actions.includes('create'))
      .map((c) => c.address)
      .sort();
    expect(creates).toEqual(['coder_agent.main', 'coder_env.workspace_name', 'coder_metadata.agent_info']);
    // The token is computed at apply, so the plan shows it unknown.
    const agentChange = planned.resource_changes.find((c: { address: string }) => c.address === 'coder_agent.main');
    expect(agentChange.change.after_unknown.token).toBe(true);

    const a = await apply(wd, { planFile: p.planFile, env });
    expect(a.stdout).toContain('Apply complete! Resources: 3 added, 0 changed, 0 destroyed.');
    expect(a.leftoverProcesses).toBe(false);

    const state = await showJson(wd, undefined, { env });
    const agent = findResource(state, 'coder_agent.main').values;
    expect(agent.id).toMatch(UUID);
    expect(agent.token).toMatch(UUID);
    expect(agent.token).not.toBe(agent.id);
    expect(agent.env).toEqual({ OWNER: 'alice' });
    // init_script comes from CODER_AGENT_SCRIPT_linux_amd64 with the placeholders filled in.
    expect(agent.init_script).toContain('BINARY_URL="https://coder.example.test/bin/coder-linux-amd64"');
    expect(agent.init_script).toContain('export CODER_AGENT_AUTH="token"');
    expect(agent.init_script).not.toContain('${ACCESS_URL}');
    expect(findResource(state, 'coder_agent.main').sensitive_values.token).toBe(true);

    const owner = findResource(state, 'data.coder_workspace_owner.me').values;
    expect(owner.name).toBe('alice');
    expect(owner.full_name).toBe('Alice Example');
    expect(owner.id).toBe(CODER_TEST_IDS.ownerId);
    expect(owner.groups).toEqual(['Everyone', 'developers']);
    const ws = findResource(state, 'data.coder_workspace.me').values;
    expect(ws.name).toBe('dev');
    expect(ws.id).toBe(CODER_TEST_IDS.workspaceId);
    expect(ws.transition).toBe('start');
    expect(ws.start_count).toBe(1);
    expect(ws.access_url).toBe('https://coder.example.test/');

    const envRes = findResource(state, 'coder_env.workspace_name').values;
    expect(envRes.agent_id).toBe(agent.id);
    expect(envRes.value).toBe('dev');
    const meta = findResource(state, 'coder_metadata.agent_info').values;
    expect(meta.resource_id).toBe(agent.id);
    expect(meta.item.map((i: { key: string }) => i.key)).toEqual(['owner', 'secret']);
    expect(meta.item[0].value).toBe('Alice Example');
    expect(state.values.outputs.owner_email.value).toBe('alice@example.test');

    const again = await planDetailedExitCode(wd, { env });
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('No changes.');

    // A stop build: transition=stop → start_count 0; the resources are untouched by it here.
    const stopState = await plan(wd, { out: 'stop.tfplan', env: { ...env, CODER_WORKSPACE_TRANSITION: 'stop' } });
    const stopPlan = await showJson(wd, stopState.planFile, { env });
    expect(findResource(stopPlan.prior_state, 'data.coder_workspace.me').values.start_count).toBe(0);

    const d = await destroy(wd, { env: { ...env, CODER_WORKSPACE_TRANSITION: 'destroy' } });
    expect(d.stdout).toContain('Destroy complete! Resources: 3 destroyed.');
    const after = await showJson(wd, undefined, { env });
    expect(stateResources(after).filter((r) => r.mode === 'managed')).toEqual([]);
    if (process.env.E2E_TIMINGS === '1') {
      process.stderr.write(`full cycle (${provider}): ${Math.round(performance.now() - t0)} ms\n`);
    }
  });
});

/** The h1: ("dirhash Hash1") of a package directory, as tofu computes it for the lock file. */
function h1(dir: string): string {
  const lines = fs
    .readdirSync(dir)
    .sort()
    .map((f) => `${createHash('sha256').update(fs.readFileSync(path.join(dir, f))).digest('hex')}  ${f}\n`)
    .join('');
  return `h1:${createHash('sha256').update(lines).digest('base64')}`;
}

describe('provider installation from the mirror', () => {
  test.each([
    ['coder/coder', 'registry.opentofu.org/coder/coder'],
    ['registry.terraform.io/coder/coder', 'registry.terraform.io/coder/coder'],
  ])('source %s: init locks %s with the h1: hash of the mirrored package', async (source, address) => {
    const wd = createWorkdir({
      provider: 'go',
      files: {
        'main.tf': `terraform {\n  required_providers {\n    coder = { source = "${source}" }\n  }\n}\n`,
      },
    });
    await init(wd);
    const locks = lockedProviders(wd);
    expect(Object.keys(locks)).toEqual([address]);
    const lock = locks[address]!;
    expect(lock.version).toBe(CODER_PROVIDER_VERSION);
    const host = address.split('/')[0]!;
    const pkgDir = path.join(wd.mirrorDir, host, 'coder', 'coder', CODER_PROVIDER_VERSION, hostPlatform());
    expect(lock.hashes).toEqual([h1(pkgDir)]);
    expect(lock.hashes[0]).toMatch(/^h1:[A-Za-z0-9+/]{43}=$/);
  });

  test('a provider missing from the mirror is not fetched: init fails', async () => {
    const wd = createWorkdir({
      provider: 'go',
      files: {
        'main.tf': 'terraform {\n  required_providers {\n    null = { source = "hashicorp/null" }\n  }\n}\n',
      },
    });
    const r = await init(wd, { allowFailure: true });
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/hashicorp\/null/);
  });

  test('hashicorp/random stand-in and coder/coder together; a sensitive value flows into coder_env', async () => {
    const wd = createWorkdir({
      provider: 'go',
      files: {
        'main.tf': `
terraform {
  required_providers {
    coder  = { source = "coder/coder" }
    random = { source = "hashicorp/random", version = "~> 3.0" }
  }
}
resource "random_password" "db" {
  length  = 24
  special = false
}
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}
resource "coder_env" "db_password" {
  agent_id = coder_agent.main.id
  name     = "DB_PASSWORD"
  value    = random_password.db.result
}
`,
      },
    });
    await init(wd);
    expect(lockedProviders(wd)['registry.opentofu.org/hashicorp/random']?.version).toBe(RANDOM_PROVIDER_VERSION);
    const env = coderBuildEnv();
    const a = await apply(wd, { env });
    expect(a.stdout).toContain('Resources: 3 added');
    const state = await showJson(wd, undefined, { env });
    const pw = findResource(state, 'random_password.db');
    expect(pw.values.result).toMatch(/^[A-Za-z0-9]{24}$/);
    expect(pw.sensitive_values.result).toBe(true);
    const e = findResource(state, 'coder_env.db_password');
    expect(e.values.value).toBe(pw.values.result);
    // Sensitivity propagates from the expression, so state marks coder_env.value sensitive too.
    expect(e.sensitive_values.value).toBe(true);
    expect((await planDetailedExitCode(wd, { env })).code).toBe(0);
  });
});

describe('runTofu', () => {
  test('environment is clean: host CODER_* never reach the provider', async () => {
    const wd = createWorkdir({
      provider: 'go',
      files: {
        'main.tf':
          'data "coder_workspace_owner" "me" {}\n' +
          'terraform {\n  required_providers {\n    coder = { source = "coder/coder" }\n  }\n}\n',
      },
    });
    const saved = process.env.CODER_WORKSPACE_OWNER;
    process.env.CODER_WORKSPACE_OWNER = 'leaked-from-host';
    try {
      await init(wd);
      await apply(wd);
      expect(findResource(await showJson(wd), 'data.coder_workspace_owner.me').values.name).toBe('default');
      await apply(wd, { env: { CODER_WORKSPACE_OWNER: 'bob' } });
      expect(findResource(await showJson(wd), 'data.coder_workspace_owner.me').values.name).toBe('bob');
    } finally {
      if (saved === undefined) delete process.env.CODER_WORKSPACE_OWNER;
      else process.env.CODER_WORKSPACE_OWNER = saved;
    }
  });

  test('hard timeout kills the whole process group', async () => {
    const wd = createWorkdir({
      provider: 'go',
      files: {
        'main.tf': `
resource "terraform_data" "slow" {
  provisioner "local-exec" {
    command = "echo $$ > sleeper.pid; exec sleep 120"
  }
}
`,
      },
    });
    await init(wd);
    const r = await runTofu(wd, ['apply', '-auto-approve', '-input=false', '-no-color'], { timeoutMs: 4000 });
    expect(r.timedOut).toBe(true);
    expect(r.code).toBeNull();
    expect(r.signal).toBe('SIGKILL');
    expect(r.durationMs).toBeLessThan(15_000);
    const pid = Number(fs.readFileSync(path.join(wd.dir, 'sleeper.pid'), 'utf8').trim());
    expect(pid).toBeGreaterThan(1);
    // The sleeper was in tofu's process group, so it is gone too (allow the kernel a moment to reap).
    const alive = (): boolean => {
      try {
        process.kill(pid, 0);
        return !/^[^)]*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
      } catch {
        return false;
      }
    };
    for (let i = 0; i < 50 && alive(); i++) await new Promise((res) => setTimeout(res, 100));
    expect(alive()).toBe(false);
  });

  test('processes left in the group after the CLI exits are reported and killed', async () => {
    const wd = createWorkdir({
      provider: 'go',
      files: {
        'main.tf': `
resource "terraform_data" "straggler" {
  provisioner "local-exec" {
    command = "sleep 120 </dev/null >/dev/null 2>&1 & echo $! > straggler.pid"
  }
}
`,
      },
    });
    await init(wd);
    const r = await apply(wd);
    expect(r.code).toBe(0);
    expect(r.leftoverProcesses).toBe(true);
    const pid = Number(fs.readFileSync(path.join(wd.dir, 'straggler.pid'), 'utf8').trim());
    expect(pid).toBeGreaterThan(1);
    let gone = false;
    for (let i = 0; i < 50 && !gone; i++) {
      try {
        gone = /^[^)]*\) Z/.test(fs.readFileSync(`/proc/${pid}/stat`, 'utf8'));
      } catch {
        gone = true;
      }
      if (!gone) await new Promise((res) => setTimeout(res, 100));
    }
    expect(gone).toBe(true);
  });

  test('failures throw with the command and its stderr', async () => {
    const wd = createWorkdir({ provider: 'go', files: { 'main.tf': 'resource "coder_agent" "a" {\n' } });
    await expect(init(wd)).rejects.toThrow(/tofu init -input=false -no-color exited 1[\s\S]*stderr/);
    const v = await validate(wd);
    expect(v.valid).toBe(false);
    expect(v.error_count).toBeGreaterThan(0);
  });

  test('providers schema -json lists the coder resources', async () => {
    const wd = createWorkdir({
      provider: 'go',
      files: { 'main.tf': 'terraform {\n  required_providers {\n    coder = { source = "coder/coder" }\n  }\n}\n' },
    });
    await init(wd);
    const schema = await providersSchemaJson(wd);
    const coder = schema.provider_schemas['registry.opentofu.org/coder/coder'];
    expect(Object.keys(coder.resource_schemas)).toEqual(
      expect.arrayContaining(['coder_agent', 'coder_app', 'coder_env', 'coder_metadata', 'coder_script']),
    );
    expect(coder.resource_schemas.coder_agent.block.attributes.token.sensitive).toBe(true);
  });
});

describe('environment helpers', () => {
  const fakeWd = (provider: ProviderKind, protocol?: 5 | 6): Workdir => ({
    root: '/tmp/x',
    dir: '/tmp/x/work',
    provider,
    cli: 'tofu',
    protocol,
    mirrorDir: '/tmp/m',
    cliConfigFile: '/tmp/x/cli.tfrc',
    extraEnv: { FROM_WORKDIR: 'w', TO_REMOVE: 'r' },
    cleanup: () => undefined,
  });

  test('protocol option selects the plugin protocol for our provider only', () => {
    expect(commandEnv(fakeWd('ours', 5))[MAX_PROTOCOL_ENV]).toBe('5');
    expect(commandEnv(fakeWd('ours', 6))[MAX_PROTOCOL_ENV]).toBe('6');
    expect(commandEnv(fakeWd('ours'))[MAX_PROTOCOL_ENV]).toBeUndefined();
    expect(commandEnv(fakeWd('go', 5))[MAX_PROTOCOL_ENV]).toBeUndefined();
    expect(() => createWorkdir({ provider: 'go', protocol: 6, files: {} })).toThrow(/protocol 5 only/);
  });

  test('layering: clean base < workdir extraEnv < call env; undefined removes', () => {
    const env = commandEnv(fakeWd('ours'), { TO_REMOVE: undefined, CALL: 'c', TF_IN_AUTOMATION: '0' });
    expect(env.TF_CLI_CONFIG_FILE).toBe('/tmp/x/cli.tfrc');
    expect(env.CHECKPOINT_DISABLE).toBe('1');
    expect(env.HOME).toBe('/tmp/x/home');
    expect(env.FROM_WORKDIR).toBe('w');
    expect(env.CALL).toBe('c');
    expect(env.TF_IN_AUTOMATION).toBe('0');
    expect('TO_REMOVE' in env).toBe(false);
    expect('TF_PLUGIN_CACHE_DIR' in env).toBe(false);
    expect(Object.keys(env).filter((k) => k.startsWith('CODER_'))).toEqual([]);
  });

  test('coderBuildEnv covers the provisioner variables; overrides and parameters apply', () => {
    const env = coderBuildEnv(
      { CODER_WORKSPACE_OWNER_GROUPS: undefined, CODER_WORKSPACE_NAME: 'other' },
      { parameters: { region: 'eu' }, previousParameters: { region: 'us' } },
    );
    for (const k of [
      'CODER_AGENT_URL',
      'CODER_WORKSPACE_TRANSITION',
      'CODER_WORKSPACE_ID',
      'CODER_WORKSPACE_BUILD_ID',
      'CODER_WORKSPACE_OWNER',
      'CODER_WORKSPACE_OWNER_EMAIL',
      'CODER_WORKSPACE_TEMPLATE_VERSION',
      'CODER_AGENT_SCRIPT_linux_amd64',
      'CODER_AGENT_SCRIPT_windows_arm64',
      'CODER_AGENT_SCRIPT_darwin_arm64',
    ]) {
      expect(env[k]).toBeTruthy();
    }
    expect(env.CODER_AGENT_SCRIPT_linux_amd64).toContain('${ACCESS_URL}');
    expect(env.CODER_AGENT_SCRIPT_linux_amd64).toContain('${AUTH_TYPE}');
    expect(env.CODER_WORKSPACE_NAME).toBe('other');
    expect(env.CODER_WORKSPACE_OWNER_GROUPS).toBeUndefined();
    const hex = createHash('sha256').update('region').digest('hex');
    expect(coderParameterEnvName('region')).toBe(`CODER_PARAMETER_${hex}`);
    expect(env[`CODER_PARAMETER_${hex}`]).toBe('eu');
    expect(env[`CODER_PARAMETER_PREVIOUS_${hex}`]).toBe('us');
  });
});

/**
 * hashicorp/terraform v1.5.7 (the last MPL release; `scripts/tools.sh terraform` builds it in a few
 * minutes) resolves `coder/coder` to registry.terraform.io. Opt in with E2E_TERRAFORM=1; .ci/run
 * then builds it too.
 */
(process.env.E2E_TERRAFORM === '1' ? describe : describe.skip)('terraform CLI (E2E_TERRAFORM=1)', () => {
  test('init locks registry.terraform.io/coder/coder; apply reads the provisioner env', async () => {
    const wd = createWorkdir({
      provider: 'go',
      cli: 'terraform',
      files: {
        'main.tf': `
terraform {
  required_providers {
    coder = { source = "coder/coder" }
  }
}
data "coder_workspace_owner" "me" {}
resource "coder_agent" "main" {
  os   = "linux"
  arch = "amd64"
}
`,
      },
    });
    await init(wd);
    expect(Object.keys(lockedProviders(wd))).toEqual(['registry.terraform.io/coder/coder']);
    const env = coderBuildEnv();
    await apply(wd, { env });
    const state = await showJson(wd, undefined, { env });
    expect(findResource(state, 'data.coder_workspace_owner.me').values.name).toBe('alice');
    expect(findResource(state, 'coder_agent.main').values.token).toMatch(UUID);
    expect((await planDetailedExitCode(wd, { env })).code).toBe(0);
    await destroy(wd, { env });
  });
});
