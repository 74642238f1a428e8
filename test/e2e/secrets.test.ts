/**
 * The point of the provider: secrets travel from their source into the workspace without being
 * printed. Sentinel values enter through every path a template uses (coder_secret env and file,
 * a sensitive variable, the owner's SSH key and tokens, a dynamic secret minted by another
 * provider's resource) and must never appear in tofu's plan or apply output, nor in our
 * provider's log lines at trace level, while they do reach the state where they belong.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { E2E_TEST_TIMEOUT_MS, REPO_ROOT, apply, coderBuildEnv, createWorkdir, findResource, init, plan, runTofu, showJson } from './harness';

jest.setTimeout(E2E_TEST_TIMEOUT_MS);

const SENTINEL = {
  sshKey: 'SENTINEL-ssh-private-key-4f1c',
  session: 'SENTINEL-session-token-8a2e',
  oidc: 'SENTINEL-oidc-token-d93b',
  githubToken: 'SENTINEL-user-secret-env-17c5',
  awsFile: 'SENTINEL-user-secret-file-62fd',
  variable: 'SENTINEL-sensitive-variable-b07a',
  externalAuth: 'SENTINEL-external-auth-3e9d',
};

const template = readFileSync(join(REPO_ROOT, 'examples/templates/demo/main.tf'), 'utf8');

const env = coderBuildEnv({
  CODER_WORKSPACE_OWNER_SSH_PRIVATE_KEY: SENTINEL.sshKey,
  CODER_WORKSPACE_OWNER_SESSION_TOKEN: SENTINEL.session,
  CODER_WORKSPACE_OWNER_OIDC_ACCESS_TOKEN: SENTINEL.oidc,
  CODER_SECRET_ENV_GITHUB_TOKEN: SENTINEL.githubToken,
  [`CODER_SECRET_FILE_${Buffer.from('~/.aws/credentials').toString('hex')}`]: SENTINEL.awsFile,
  TF_VAR_registry_password: SENTINEL.variable,
  CODER_EXTERNAL_AUTH_ACCESS_TOKEN_github: SENTINEL.externalAuth,
});

/** Lines of tofu's log that came from our provider process (go-plugin tags them with its name). */
const providerLines = (stderr: string): string[] => stderr.split('\n').filter((l) => l.includes('terraform-provider-coder'));

describe('secrets are never printed', () => {
  it('keeps every sentinel out of plan/apply output and provider trace logs, and puts them in state', async () => {
    const wd = createWorkdir({ files: { 'main.tf': template, 'auth.tf': 'data "coder_external_auth" "github" {\n  id = "github"\n}\n' }, provider: 'ours' });
    try {
      await init(wd, { env });
      const traced = { ...env, TF_LOG: 'trace' };
      const p = await plan(wd, { env: traced, out: 'tfplan' });
      const a = await apply(wd, { env: traced, planFile: 'tfplan' });
      const jsonPlan = await runTofu(wd, ['plan', '-json', '-input=false'], { env });
      const state = await showJson(wd, undefined, { env });

      // Our provider really logged at trace level (otherwise the scan below proves nothing).
      const logs = [...providerLines(p.stderr), ...providerLines(a.stderr)];
      expect(logs.length).toBeGreaterThan(10);

      // The dynamic secret is only known after apply: read it from state, then scan for it too.
      const dynamic = findResource(state, 'random_password.api_key').values.result as string;
      expect(dynamic).toHaveLength(32);
      const secrets = [...Object.values(SENTINEL), dynamic];

      const human = [p.stdout, a.stdout, jsonPlan.stdout];
      const hits = secrets.flatMap((s) => [...human.map((t, i) => (t.includes(s) ? `output#${i}:${s}` : '')), ...logs.filter((l) => l.includes(s)).map(() => `log:${s}`)]).filter(Boolean);
      expect(hits).toEqual([]);

      // ... yet each one reached the state where it belongs.
      const envOf = (name: string) => findResource(state, `coder_env.${name}`).values.value;
      expect(envOf('ssh_key')).toBe(SENTINEL.sshKey);
      expect(envOf('session_token')).toBe(SENTINEL.session);
      expect(envOf('github_token')).toBe(SENTINEL.githubToken);
      expect(envOf('aws_credentials')).toBe(SENTINEL.awsFile);
      const agent = findResource(state, 'coder_agent.main');
      expect(agent.values.env).toMatchObject({ API_KEY: dynamic, REGISTRY_PASSWORD: SENTINEL.variable });
      expect(findResource(state, 'data.coder_workspace_owner.me').values.oidc_access_token).toBe(SENTINEL.oidc);
      expect(findResource(state, 'data.coder_external_auth.github').values.access_token).toBe(SENTINEL.externalAuth);
      // And Terraform knows they are sensitive.
      expect(findResource(state, 'coder_env.ssh_key').sensitive_values).toEqual({ value: true });
      expect(findResource(state, 'data.coder_secret.github_token').sensitive_values).toEqual({ value: true });
      expect(agent.sensitive_values.token).toBe(true);
    } finally {
      wd.cleanup();
    }
  });
});

describe('coder_secret on start and stop builds', () => {
  const secretTf = `
terraform {
  required_providers {
    coder = { source = "coder/coder" }
  }
}
data "coder_secret" "gh" {
  env          = "GITHUB_TOKEN"
  help_message = "Add a GITHUB_TOKEN secret in Account > Secrets."
}
data "coder_secret" "kube" {
  file         = "~/.kube/config"
  help_message = ""
}
`;

  it('fails a start build that lacks the secret, with its help message', async () => {
    const wd = createWorkdir({ files: { 'main.tf': secretTf }, provider: 'ours' });
    try {
      await init(wd, { env });
      const r = await runTofu(wd, ['plan', '-input=false', '-no-color'], { env: coderBuildEnv({ CODER_WORKSPACE_TRANSITION: 'start' }) });
      expect(r.code).toBe(1);
      expect(r.stderr).toContain('Missing required secret: environment variable "GITHUB_TOKEN"');
      expect(r.stderr).toContain('Help message: Add a GITHUB_TOKEN secret in Account > Secrets.');
      expect(r.stderr).toContain('To resolve: ensure a secret exposes the environment variable "GITHUB_TOKEN".');
      expect(r.stderr).toContain('Missing required secret: file "~/.kube/config"');
    } finally {
      wd.cleanup();
    }
  });

  it.each(['stop', 'delete'])('lets a %s build through with empty values', async (transition) => {
    const wd = createWorkdir({ files: { 'main.tf': secretTf }, provider: 'ours' });
    try {
      await init(wd, { env });
      await apply(wd, { env: coderBuildEnv({ CODER_WORKSPACE_TRANSITION: transition }) });
      const state = await showJson(wd, undefined, { env });
      expect(findResource(state, 'data.coder_secret.gh').values).toMatchObject({ id: 'env:GITHUB_TOKEN', value: '' });
    } finally {
      wd.cleanup();
    }
  });

  it('does not require secrets outside a Coder build (local plans)', async () => {
    const wd = createWorkdir({ files: { 'main.tf': secretTf }, provider: 'ours' });
    try {
      await init(wd);
      const r = await runTofu(wd, ['plan', '-input=false', '-no-color'], { env: { CODER_WORKSPACE_TRANSITION: 'start' } });
      expect(r.code).toBe(0);
    } finally {
      wd.cleanup();
    }
  });
});
