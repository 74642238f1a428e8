/** The workspace preview a scenario's plan gives, and what it masks. */
import { parseDot } from '../../../provider/check/graph';
import { Locator } from '../../../provider/check/locator';
import { PlanModel } from '../../../provider/check/plan';
import { buildPreview } from '../../../provider/check/preview';
import { dot, lit, planJson, ref, templateDir } from './fixtures';

const tf = `resource "coder_agent" "main" {
  os  = "linux"
  env = {
    EDITOR  = "vim"
    API_KEY = random_password.k.result
  }
}
`;

const spec = {
  variables: { pw: { sensitive: true } },
  resources: [
    { address: 'random_password.k', sensitive: { result: true } },
    { address: 'coder_agent.main', values: { name: 'main', os: 'linux', arch: 'amd64', auth: 'token', startup_script: 'echo hi', metadata: [{ key: 'cpu', display_name: 'CPU', interval: 10 }] }, unknown: { env: true, id: true } },
    { address: 'coder_agent.orphan', values: { os: 'linux', arch: 'arm64', env: { GITHUB_TOKEN: 'ghp_notreallybutnamedlikeone', PLAIN: 'ok' } } },
    { address: 'coder_env.session', values: { name: 'CODER_SESSION_TOKEN', value: 'sentinel-tok-1' }, sensitive: { value: true }, expressions: { agent_id: ref('coder_agent.main.id', 'coder_agent.main') } },
    { address: 'coder_env.literal_key', values: { name: 'AWS_KEY_ID', value: 'AKIAQYLPMN5HHHFPZAM2' }, expressions: { agent_id: ref('coder_agent.main.id') } },
    { address: 'coder_app.code', values: { slug: 'code', display_name: 'VS Code', url: 'http://localhost:8080', share: 'owner' }, expressions: { agent_id: ref('coder_agent.main.id') } },
    { address: 'coder_app.db', values: { slug: 'db', command: 'psql' }, sensitive: { command: true }, expressions: { agent_id: ref('coder_agent.main.id'), command: ref('var.pw') } },
    { address: 'coder_script.s', values: { display_name: 'Backup', cron: '0 0 * * * *', run_on_start: false, run_on_stop: false }, expressions: { agent_id: ref('coder_agent.main.id') } },
    { address: 'terraform_data.host[0]', values: {} },
    { address: 'coder_metadata.m', values: { item: [{ key: 'image', value: 'ubuntu', sensitive: false }, { key: 'pw', value: 'x', sensitive: true }] }, expressions: { item: [{ value: lit('ubuntu') }, { value: ref('var.pw') }] } },
    { address: 'data.coder_parameter.region', values: { name: 'region', type: 'string', value: 'eu', mutable: true } },
    { address: 'data.coder_parameter.token', values: { name: 'api_token', type: 'string', value: 'abc123456' } },
    { address: 'data.coder_secret.gh', values: { env: 'GITHUB_TOKEN', value: 's' }, sensitive: { value: true } },
  ],
};

test('agents on their hosts with env names, scripts, apps; metadata on resources; parameters; secrets masked', () => {
  const graph = parseDot(
    dot([
      ['terraform_data.host', 'coder_agent.main'],
      ['coder_metadata.m', 'terraform_data.host'],
    ], ['coder_agent.orphan']),
  );
  const p = buildPreview(new PlanModel(planJson(spec)), graph, new Locator(templateDir({ 'main.tf': tf })));
  const main = p.agents.find((a) => a.name === 'main')!;
  expect(main.host).toBe('terraform_data.host');
  // The agent's own env is known only after apply: its keys come from the source.
  expect(main.env.map((e) => [e.name, e.value.kind])).toEqual([
    ['API_KEY', 'unknown'],
    ['AWS_KEY_ID', 'masked'],
    ['CODER_SESSION_TOKEN', 'masked'],
    ['EDITOR', 'unknown'],
  ]);
  expect(main.env.find((e) => e.name === 'AWS_KEY_ID')!.value).toEqual({ kind: 'masked', reason: 'secret-like', length: 20 });
  expect(main.scripts).toEqual([
    { displayName: 'Startup Script', from: 'coder_agent.startup_script', runOnStart: true, runOnStop: false },
    { displayName: 'Backup', from: 'coder_script.s', runOnStart: false, runOnStop: false, cron: '0 0 * * * *' },
  ]);
  expect(main.apps.map((a) => [a.slug, a.url?.kind ?? a.command?.kind])).toEqual([
    ['code', 'text'],
    ['db', 'masked'],
  ]);
  expect(main.metadata).toEqual([{ key: 'cpu', displayName: 'CPU', interval: 10 }]);

  const orphan = p.agents.find((a) => a.name === 'orphan')!;
  expect(orphan.host).toBeUndefined();
  expect(orphan.env).toEqual([
    { name: 'GITHUB_TOKEN', from: 'coder_agent.env', value: { kind: 'masked', reason: 'secret-like', length: 28 } },
    { name: 'PLAIN', from: 'coder_agent.env', value: { kind: 'text', text: 'ok' } },
  ]);

  // Every workspace resource is listed (Coder shows random_password too); this one has the agent and metadata.
  expect(p.resources.map((r) => r.address)).toEqual(['random_password.k', 'terraform_data.host[0]']);
  expect(p.resources.filter((r) => r.agents.length || r.metadata.length)).toEqual([
    {
      address: 'terraform_data.host[0]',
      agents: ['main'],
      metadata: [
        { key: 'image', value: { kind: 'text', text: 'ubuntu' }, sensitive: false, from: 'coder_metadata.m' },
        { key: 'pw', value: { kind: 'masked', reason: 'sensitive', length: 1 }, sensitive: true, from: 'coder_metadata.m' },
      ],
    },
  ]);
  expect(p.parameters.map((x) => [x.name, x.value.kind])).toEqual([
    ['region', 'text'],
    ['api_token', 'masked'],
  ]);
  expect(p.secrets).toEqual([{ address: 'data.coder_secret.gh', requirement: 'environment variable GITHUB_TOKEN' }]);
  // Nothing secret in the preview's text.
  const text = JSON.stringify(p);
  for (const s of ['sentinel-tok-1', 'AKIAQYLPMN5HHHFPZAM2', 'ghp_notreally', 'abc123456']) expect(text).not.toContain(`"${s}`);
});
