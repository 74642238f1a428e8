/**
 * The check as a command: report formats (text, JSON, SARIF) agree, the exit status follows the
 * findings, scenario files drive the simulated builds, secrets never reach any output, and the
 * user's template directory is left exactly as it was.
 */
import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { CORPUS_DIR, findingKeys, runCheck, type JsonReport } from '../check-corpus/run-check';
import { goProviderBin, terraformBin, tofuBin } from './harness';

jest.setTimeout(15 * 60_000);

/** Distinctive values that must never appear in any output. */
const SENTINEL_SECRET = 'sentinel-user-secret-5b0e9d1c7a';
const SENTINEL_TOKEN = 'sentinel-session-token-e61f08a2';
const FAKE_AWS_KEY = 'AKIAZ7QWERTYUIOP2345';

const TEMPLATE = `terraform {
  required_providers {
    coder = { source = "coder/coder" }
  }
}

data "coder_workspace" "me" {}
data "coder_workspace_owner" "me" {}

data "coder_secret" "npm" {
  env          = "NPM_TOKEN"
  help_message = "Add an npm token."
}

data "coder_parameter" "region" {
  name    = "region"
  default = "eu"
  option {
    name  = "Europe"
    value = "eu"
  }
  option {
    name  = "United States"
    value = "us"
  }
}

resource "coder_agent" "main" {
  os             = "linux"
  arch           = "amd64"
  startup_script = "npm config set //registry.npmjs.org/:_authToken=\${data.coder_secret.npm.value}"
  env = {
    REGION = data.coder_parameter.region.value
  }
}

resource "coder_env" "aws" {
  agent_id = coder_agent.main.id
  name     = "AWS_ACCESS_KEY_ID"
  value    = "${FAKE_AWS_KEY}"
}

resource "coder_env" "session" {
  agent_id = coder_agent.main.id
  name     = "CODER_SESSION_TOKEN"
  value    = data.coder_workspace_owner.me.session_token
}

resource "terraform_data" "vm" {
  count = data.coder_workspace.me.start_count
  input = coder_agent.main.init_script
}

resource "coder_metadata" "vm" {
  count       = data.coder_workspace.me.start_count
  resource_id = terraform_data.vm[0].id
  item {
    key   = "token"
    value = data.coder_workspace_owner.me.session_token
  }
}
`;

const SCENARIOS = {
  defaults: { owner: { name: 'bob', sessionToken: SENTINEL_TOKEN }, secrets: { env: { NPM_TOKEN: SENTINEL_SECRET } } },
  scenarios: [
    { name: 'us-start', transition: 'start', parameters: { region: 'us' } },
    { name: 'us-stop', transition: 'stop', parameters: { region: 'us' }, previousParameters: { region: 'us' } },
  ],
};

let root: string;
let tpl: string;

function snapshot(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (d: string): void => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out[path.relative(dir, p)] = fs.readFileSync(p, 'utf8');
    }
  };
  walk(dir);
  return out;
}

beforeAll(() => {
  root = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'tpc-check-cli-')));
  tpl = path.join(root, 'templates', 'npm');
  fs.mkdirSync(tpl, { recursive: true });
  fs.writeFileSync(path.join(tpl, 'main.tf'), TEMPLATE);
  fs.writeFileSync(path.join(root, 'scenarios.json'), JSON.stringify(SCENARIOS, null, 2));
});

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

test('text, JSON and SARIF report the same findings; secrets stay out; the template is untouched', async () => {
  const before = snapshot(tpl);
  const text = await runCheck(['templates/npm', '--scenario', 'scenarios.json', '--json', 'out.json', '--sarif', 'out.sarif'], root);
  expect(text.code).toBe(1);
  expect(snapshot(tpl)).toEqual(before);

  const json = JSON.parse(fs.readFileSync(path.join(root, 'out.json'), 'utf8')) as JsonReport;
  const t = json.templates[0]!;
  expect(t.scenarios.map((s) => `${s.name}:${s.transition}:${s.status}`)).toEqual(['us-start:start:planned', 'us-stop:stop:planned']);
  const keys = t.findings.map((f) => `${f.severity} ${f.ruleId} ${f.path}:${f.line}`).sort();
  expect(keys).toEqual(
    [
      'error secret/credential-literal templates/npm/main.tf:40',
      'error secret/metadata-not-sensitive templates/npm/main.tf:59',
      'warning secret/in-script templates/npm/main.tf:31',
    ].sort(),
  );
  expect(json.summary).toEqual({ errors: 2, warnings: 1, notes: 0, templates: 1 });
  // Scenario names say where a plan-based finding was seen; the source scan needs none.
  expect(t.findings.find((f) => f.ruleId === 'secret/in-script')!.scenarios.sort()).toEqual(['us-start', 'us-stop']);
  expect(t.findings.find((f) => f.ruleId === 'secret/metadata-not-sensitive')!.scenarios).toEqual(['us-start']);
  expect(t.findings.find((f) => f.ruleId === 'secret/credential-literal')!.scenarios).toEqual([]);

  // The text report: one "path:line:col: severity rule [scenarios]" line per finding, and a preview.
  for (const f of t.findings) expect(text.stdout).toContain(`${f.path}:${f.line}:${f.column}: ${f.severity} ${f.ruleId}`);
  expect(text.stdout).toContain('-- preview: us-start (start)');
  expect(text.stdout).toMatch(/agent main \(linux\/amd64, token auth\) on terraform_data\.vm/);
  expect(text.stdout).toMatch(/env CODER_SESSION_TOKEN +•••••• \(sensitive/);
  expect(text.stdout).toMatch(/parameter region \(string\) = "us"/);
  expect(text.stdout).toMatch(/2 errors, 1 warning, 0 notes in 1 template/);

  // SARIF: every finding is a result with a rule from the driver and a location.
  const sarif = JSON.parse(fs.readFileSync(path.join(root, 'out.sarif'), 'utf8'));
  expect(sarif.version).toBe('2.1.0');
  const run = sarif.runs[0];
  const ruleIds = run.tool.driver.rules.map((r: { id: string }) => r.id);
  expect(run.results).toHaveLength(t.findings.length);
  for (const r of run.results) {
    expect(ruleIds[r.ruleIndex]).toBe(r.ruleId);
    expect(['error', 'warning', 'note']).toContain(r.level);
    expect(r.locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'templates/npm/main.tf', uriBaseId: '%SRCROOT%' });
    expect(r.locations[0].physicalLocation.region.startLine).toBeGreaterThan(0);
  }
  expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe(`file://${root}/`);

  // No secret, in any output: the scenario's secret and token, the literal credential.
  const outputs = [text.stdout, text.stderr, fs.readFileSync(path.join(root, 'out.json'), 'utf8'), fs.readFileSync(path.join(root, 'out.sarif'), 'utf8')];
  for (const o of outputs) {
    expect(o).not.toContain(SENTINEL_SECRET);
    expect(o).not.toContain(SENTINEL_TOKEN);
    expect(o).not.toContain(FAKE_AWS_KEY);
  }
});

test('a directory of templates checks each one (tofu starting the provider itself); warnings alone exit 0', async () => {
  const dir = path.join(root, 'warn-only');
  for (const name of ['a', 'b']) {
    fs.mkdirSync(path.join(dir, name), { recursive: true });
    fs.writeFileSync(
      path.join(dir, name, 'main.tf'),
      `terraform {\n  required_providers {\n    coder = { source = "coder/coder" }\n  }\n}\n\nresource "coder_agent" "${name}" {\n  os   = "linux"\n  arch = "amd64"\n}\n`,
    );
  }
  // Also the slower mode where tofu starts the provider for every command: same result.
  const r = await runCheck(['warn-only', '--format', 'json', '--no-reattach'], root);
  expect(r.code).toBe(0);
  const report = JSON.parse(r.stdout) as JsonReport;
  expect(report.templates.map((t) => t.dir)).toEqual(['warn-only/a', 'warn-only/b']);
  for (const t of report.templates) expect(t.findings.map((f) => `${f.ruleId}@${f.file}:${f.line}`)).toEqual(['coder/agent-not-attached@main.tf:7']);
});

test('usage errors and a missing tofu exit 2 with a message', async () => {
  const noDir = await runCheck(['does-not-exist'], root);
  expect(noDir.code).toBe(2);
  expect(noDir.stderr).toContain('does-not-exist: no such directory');
  const badFlag = await runCheck(['templates/npm', '--format', 'xml'], root);
  expect(badFlag.code).toBe(2);
  expect(badFlag.stderr).toContain('--format must be text, json or sarif');
  const noTofu = await runCheck(['templates/npm'], root, { TOFU: path.join(root, 'no-such-tofu') });
  expect(noTofu.code).toBe(2);
  expect(noTofu.stderr).toContain('no-such-tofu is not an executable file');
  const help = await runCheck(['--help'], root);
  expect(help.code).toBe(0);
  expect(help.stdout).toContain('Usage: terraform-provider-coder check DIR...');
});

test('checked with the Go provider instead (--provider), the corpus findings are the same', async () => {
  const cases = ['agent-ref-token', 'app-slug-duplicate-agents', 'metadata-secret-owner-token', 'app-slug-literal-invalid'];
  for (const c of cases) {
    const dir = path.join(CORPUS_DIR, c);
    const ours = await runCheck(['.', '--format', 'json'], dir);
    const go = await runCheck(['.', '--format', 'json', '--provider', goProviderBin()], dir);
    const keysOf = (out: string): string[] => findingKeys((JSON.parse(out) as JsonReport).templates[0]!.findings);
    expect({ c, go: keysOf(go.stdout) }).toEqual({ c, go: keysOf(ours.stdout) });
    expect(go.code).toBe(ours.code);
  }
});

// hashicorp/terraform v1.5.7 (no `init -json`, registry.terraform.io addresses): E2E_TERRAFORM=1.
(process.env.E2E_TERRAFORM === '1' ? test : test.skip)('the check drives hashicorp/terraform too', async () => {
  for (const [c, expected] of [
    ['clean-module-agent', []],
    ['agent-ref-token', ['coder/agent-ref-invalid@main.tf:22']],
    ['init-unknown-provider', ['tofu/init-failed@main.tf:5']],
    ['tofu-removed-argument', ['tofu/error@main.tf:13']],
  ] as const) {
    const r = await runCheck(['.', '--format', 'json'], path.join(CORPUS_DIR, c), { TOFU: '', TERRAFORM: terraformBin() });
    const report = JSON.parse(r.stdout) as JsonReport;
    expect({ c, found: findingKeys(report.templates[0]!.findings) }).toEqual({ c, found: [...expected] });
  }
});

test('a downloaded module that needs a newer coder/coder: the provider is presented as a version it accepts', async () => {
  // A git module (init downloads it into .terraform/modules, where the first scan cannot see it).
  const repo = path.join(root, 'module-repo');
  fs.mkdirSync(repo);
  fs.writeFileSync(
    path.join(repo, 'main.tf'),
    'terraform {\n  required_providers {\n    coder = {\n      source  = "coder/coder"\n      version = ">= 2.20"\n    }\n  }\n}\n\nvariable "agent_id" {\n  type = string\n}\n\nresource "coder_app" "web" {\n  agent_id = var.agent_id\n  slug     = "web"\n  url      = "http://localhost:3000"\n}\n',
  );
  const git = (...args: string[]): void => {
    execFileSync('git', args, { cwd: repo, stdio: 'ignore', env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' } });
  };
  git('init', '-q');
  git('add', '.');
  git('-c', 'user.name=t', '-c', 'user.email=t@example.com', 'commit', '-qm', 'module');
  const tplDir = path.join(root, 'with-module');
  fs.mkdirSync(tplDir);
  fs.writeFileSync(
    path.join(tplDir, 'main.tf'),
    `terraform {\n  required_providers {\n    coder = { source = "coder/coder" }\n  }\n}\n\ndata "coder_workspace" "me" {}\n\nresource "coder_agent" "main" {\n  os   = "linux"\n  arch = "amd64"\n}\n\nresource "terraform_data" "vm" {\n  count = data.coder_workspace.me.start_count\n  input = coder_agent.main.init_script\n}\n\nmodule "web" {\n  source   = "git::file://${repo}"\n  agent_id = coder_agent.main.id\n}\n`,
  );
  const r = await runCheck(['with-module', '--format', 'json'], root);
  const report = JSON.parse(r.stdout) as JsonReport;
  const t = report.templates[0]!;
  expect(t.findings).toEqual([]);
  expect(t.providerVersion).toBe('2.20.0');
  expect(t.scenarios.every((s) => s.status === 'planned')).toBe(true);
  // The module's app reaches the agent through the module variable.
  const start = t.scenarios[0]!.preview as { agents: Array<{ apps: Array<{ slug: string }> }> };
  expect(start.agents[0]!.apps.map((a) => a.slug)).toEqual(['web']);
});

test('a CI wrapper around tofu that echoes into stdout (as setup actions do) does not confuse the check', async () => {
  const wrapper = path.join(root, 'tofu-wrapper.sh');
  // Echo the command line first and a debug line with braces last, around tofu's own output.
  fs.writeFileSync(wrapper, `#!/bin/sh\necho "[command]${tofuBin()} $*"\n${JSON.stringify(tofuBin())} "$@"\nrc=$?\necho "::debug::exitcode: {$rc}"\nexit $rc\n`, { mode: 0o755 });
  const r = await runCheck(['.', '--format', 'json'], path.join(CORPUS_DIR, 'agent-ref-token'), { TOFU: wrapper });
  const report = JSON.parse(r.stdout) as JsonReport;
  expect(report.templates[0]!.scenarios.map((s) => s.status)).toEqual(['planned', 'planned', 'planned', 'planned']);
  expect(findingKeys(report.templates[0]!.findings)).toEqual(['coder/agent-ref-invalid@main.tf:22']);
});
