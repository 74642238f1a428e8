/**
 * `npm run demo`: the main job. Plans and applies examples/templates/demo with real OpenTofu
 * through our provider, under the environment Coder's provisioner sets for a start build
 * (owner SSH key and tokens, user secrets, agent scripts), then prints what the workspace
 * receives with every secret masked, and checks that no secret was printed by tofu.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { apply, coderBuildEnv, createWorkdir, destroy, init, plan, showJson, stateResources, tofuBin, validate, REPO_ROOT, type Json } from '../test/e2e/harness';

const SECRETS = {
  CODER_WORKSPACE_OWNER_SSH_PRIVATE_KEY: '-----BEGIN OPENSSH PRIVATE KEY-----\ndemo-ssh-key-3b7e1f\n-----END OPENSSH PRIVATE KEY-----\n',
  CODER_WORKSPACE_OWNER_SESSION_TOKEN: 'demo-session-token-9c2d4a',
  CODER_WORKSPACE_OWNER_OIDC_ACCESS_TOKEN: 'demo-oidc-token-51e8b0',
  CODER_SECRET_ENV_GITHUB_TOKEN: 'ghp_demoGithubToken7f3a9c',
  [`CODER_SECRET_FILE_${Buffer.from('~/.aws/credentials').toString('hex')}`]: '[default]\naws_secret_access_key = demoAwsSecret0d4e\n',
};

const out = (line = ''): void => void process.stdout.write(`${line}\n`);

function mask(value: unknown): string {
  const s = typeof value === 'string' ? value : JSON.stringify(value);
  return `•••••• (sensitive, ${s.length} chars)`;
}

const isSensitive = (sv: Json, key: string): boolean => sv === true || (sv && typeof sv === 'object' && sv[key] === true);

async function main(): Promise<void> {
  out(`tofu: ${tofuBin()}`);
  const template = readFileSync(join(REPO_ROOT, 'examples/templates/demo/main.tf'), 'utf8');
  const wd = createWorkdir({ files: { 'main.tf': template }, provider: 'ours' });
  const env = coderBuildEnv(SECRETS);
  const printed: string[] = [];
  try {
    out('\n== tofu init / validate');
    printed.push((await init(wd, { env })).stdout);
    await validate(wd, { env });
    out('== tofu plan (start build)');
    const p = await plan(wd, { env, out: 'demo.tfplan' });
    printed.push(p.stdout, p.stderr);
    out('== tofu apply');
    const a = await apply(wd, { env, planFile: 'demo.tfplan' });
    printed.push(a.stdout, a.stderr);

    const state = await showJson(wd);
    const resources = stateResources(state);
    out('\n== What the workspace receives');
    for (const agent of resources.filter((r) => r.type === 'coder_agent')) {
      const v = agent.values;
      const sv = agent.sensitive_values ?? {};
      out(`agent ${agent.name} (${v.os}/${v.arch}, auth ${v.auth})`);
      out(`  token        ${mask(v.token)}`);
      out(`  init_script  ${String(v.init_script).split('\n')[0]} ...`);
      for (const [k, val] of Object.entries(v.env ?? {})) {
        out(`  env ${k.padEnd(22)} ${isSensitive(sv.env, k) ? mask(val) : JSON.stringify(val)}`);
      }
      for (const e of resources.filter((r) => r.type === 'coder_env' && r.values.agent_id === v.id)) {
        out(`  coder_env ${String(e.values.name).padEnd(22)} ${isSensitive(e.sensitive_values, 'value') ? mask(e.values.value) : JSON.stringify(e.values.value)}`);
      }
    }
    for (const m of resources.filter((r) => r.type === 'coder_metadata')) {
      out(`metadata on ${m.values.resource_id}`);
      (m.values.item as Json[]).forEach((item: Json, i: number) => {
        const hidden = item.sensitive || isSensitive(m.sensitive_values?.item?.[i], 'value');
        out(`  ${String(item.key).padEnd(12)} ${hidden ? mask(item.value) : JSON.stringify(item.value)}${item.sensitive ? '  [hidden in dashboard]' : ''}`);
      });
    }
    for (const s of resources.filter((r) => r.type === 'coder_secret')) {
      out(`secret ${s.values.id}: ${mask(s.values.value)}`);
    }

    const leaks = Object.values(SECRETS).filter((secret) => printed.some((text) => text.includes(secret.trim())));
    out(`\nSecrets printed by tofu plan/apply: ${leaks.length}`);
    out('== tofu destroy');
    await destroy(wd, { env });
    if (leaks.length > 0) process.exitCode = 1;
  } finally {
    wd.cleanup();
  }
}

main().catch((e: Error) => {
  process.stderr.write(`demo failed: ${e.message}\n`);
  process.exitCode = 1;
});
