/** Findings merge and redaction, tofu diagnostics as findings, credentials, the three report formats, arguments. */
import * as path from 'node:path';
import { expandDirs, parseCheckArgs, UsageError } from '../../../provider/check/command';
import { findCredentials } from '../../../provider/check/credentials';
import { mergeFindings, Redactor, type Finding } from '../../../provider/check/findings';
import { Locator } from '../../../provider/check/locator';
import type { WorkspacePreview } from '../../../provider/check/preview';
import { renderJson } from '../../../provider/check/report/json';
import { renderSarif } from '../../../provider/check/report/sarif';
import { renderText } from '../../../provider/check/report/text';
import { RULES } from '../../../provider/check/rules/catalog';
import { diagnosticFinding, initFailureFinding, parseTextDiagnostics } from '../../../provider/check/rules/tofu-diagnostics';
import type { CheckResult } from '../../../provider/check/runner';
import { secretWord } from '../../../provider/check/secret-words';
import { templateDir } from './fixtures';

const f = (over: Partial<Finding>): Finding => ({
  ruleId: 'coder/agent-not-attached',
  severity: 'warning',
  message: 'msg',
  location: { file: 'main.tf', line: 3, column: 1 },
  scenarios: ['start'],
  ...over,
});

describe('findings', () => {
  test('the same finding from several scenarios merges; order is file, line, severity', () => {
    const merged = mergeFindings([
      f({ scenarios: ['start'], address: 'coder_agent.a', message: 'short' }),
      f({ scenarios: ['prebuild'], address: 'coder_agent.a', message: 'a longer message' }),
      f({ ruleId: 'tofu/error', severity: 'error', location: { file: 'main.tf', line: 3 }, scenarios: [], message: 'e' }),
      f({ location: { file: 'a.tf', line: 9 }, scenarios: ['stop'] }),
    ]);
    expect(merged.map((x) => `${x.location.file}:${x.location.line} ${x.severity} ${x.scenarios.join(',')} ${x.message}`)).toEqual([
      'a.tf:9 warning stop msg',
      'main.tf:3 error  e',
      'main.tf:3 warning start,prebuild a longer message',
    ]);
  });

  test('redaction of learned secrets, longest first, multi-line keys line by line', () => {
    const r = new Redactor();
    r.add('abc'); // too short to learn
    r.add('token-1234');
    r.add('token-1234-extended');
    r.add('-----BEGIN KEY-----\nAAAABBBBCCCCDDDD\n-----END KEY-----');
    expect(r.redact('x token-1234-extended y token-1234 abc')).toBe('x (sensitive value) y (sensitive value) abc');
    expect(r.redact('line AAAABBBBCCCCDDDD')).toBe('line (sensitive value)');
  });
});

describe('tofu diagnostics', () => {
  const loc = new Locator(templateDir({ 'main.tf': 'terraform {\n  required_providers {\n    x = { source = "acme/thing" }\n  }\n}\n\nresource "coder_agent" "a" {}\n\nmodule "m" {\n  source = "./nope"\n}\n' }));

  test('position from the range, a provider slug error maps to its Coder rule, warnings become notes', () => {
    const slug = diagnosticFinding({ severity: 'error', summary: 'invalid "coder_app" slug, must be ...: "A_B"', range: { filename: 'main.tf', start: { line: 7, column: 3 } } }, loc);
    expect([slug.ruleId, slug.severity, slug.location]).toEqual(['coder/app-slug-invalid', 'error', { file: 'main.tf', line: 7, column: 3 }]);
    const warn = diagnosticFinding({ severity: 'warning', summary: 'Argument is deprecated', detail: 'dir   is\n deprecated' }, loc);
    expect([warn.ruleId, warn.severity, warn.message]).toEqual(['tofu/warning', 'note', 'Argument is deprecated: dir is deprecated']);
    const byAddress = diagnosticFinding({ severity: 'error', summary: 'boom', address: 'coder_agent.a' }, loc);
    expect(byAddress.location.line).toBe(7);
  });

  test('init failures point at the provider source or the module call', () => {
    expect(initFailureFinding({ severity: 'error', summary: 'Failed to query available provider packages', detail: 'provider registry.opentofu.org/acme/thing was not found' }, loc).location.line).toBe(3);
    expect(initFailureFinding({ severity: 'error', summary: 'Unreadable module directory', detail: 'The directory could not be read for module "m" at main.tf:9.' }, loc).location.line).toBe(9);
  });

  test('text diagnostics of an init without -json', () => {
    const d = parseTextDiagnostics('\n\x1b[31m╷\x1b[0m\n│ Error: Failed to install provider\n│ \n│ Error while installing acme/thing: not found\n╵\n\nError: Module not installed\n\n  on main.tf line 9:\n   9: module "m" {\n\nrun init\n');
    expect(d.map((x) => [x.severity, x.summary, x.range?.start.line])).toEqual([
      ['error', 'Failed to install provider', undefined],
      ['error', 'Module not installed', 9],
    ]);
  });
});

describe('credentials and secret words', () => {
  test('well-known shapes, positions of the credential itself', () => {
    const text = 'a = "AKIAQYLPMN5HHHFPZAM2"\nAWS_SECRET_ACCESS_KEY = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"\nk = "ghp_0123456789abcdefghijABCDEFGHIJ012345"\n-----BEGIN RSA PRIVATE KEY-----\n';
    const m = findCredentials(text);
    expect(m.map((x) => x.kind.id)).toEqual(['aws-access-key-id', 'aws-secret-access-key', 'github-token', 'private-key']);
    expect(text.slice(m[1]!.offset, m[1]!.offset + m[1]!.length)).toBe('wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY');
  });

  test('ordinary text is not a credential', () => {
    expect(findCredentials('image = "codercom/enterprise-base:ubuntu"\nsk = "skip"\nid = "0b1f6f3c-4f6b-4e3a-9b0e-1c2d3e4f5a6b"\nkey = "AKIA-not-a-key"')).toEqual([]);
  });

  test('secret words', () => {
    expect(secretWord('GITHUB_TOKEN')).toBe('token');
    expect(secretWord('awsSecretAccessKey')).toBe('secret');
    expect(secretWord('Your API key')).toBe('api key');
    expect(secretWord('DB_PASSWORD')).toBe('password');
    expect(secretWord('max_tokens')).toBeUndefined();
    expect(secretWord('primary_key_column')).toBeUndefined();
    expect(secretWord('ssh public key')).toBeUndefined();
    expect(secretWord('pat_count')).toBeUndefined();
    expect(secretWord('pat_count', { allowPat: true })).toBe('pat');
  });
});

const preview: WorkspacePreview = {
  agents: [
    {
      name: 'main',
      address: 'coder_agent.main',
      os: 'linux',
      arch: 'amd64',
      auth: 'token',
      host: 'docker_container.ws',
      env: [
        { name: 'EDITOR', from: 'coder_agent.env', value: { kind: 'text', text: 'vim' } },
        { name: 'GITHUB_TOKEN', from: 'coder_env.gh', value: { kind: 'masked', reason: 'sensitive', length: 40 } },
      ],
      scripts: [{ displayName: 'Startup Script', from: 'coder_agent.startup_script', runOnStart: true, runOnStop: false }],
      apps: [{ slug: 'code', displayName: 'VS Code', from: 'coder_app.code', url: { kind: 'text', text: 'http://localhost:8080' } }],
      metadata: [{ key: 'cpu', displayName: 'CPU', interval: 10 }],
      devcontainers: [],
    },
  ],
  resources: [{ address: 'docker_container.ws[0]', agents: ['main'], metadata: [{ key: 'pw', value: { kind: 'unknown' }, sensitive: true, from: 'coder_metadata.m' }] }],
  parameters: [{ name: 'region', type: 'string', value: { kind: 'text', text: 'eu' }, mutable: false, ephemeral: false }],
  secrets: [{ address: 'data.coder_secret.gh', requirement: 'environment variable GITHUB_TOKEN' }],
};

const result = (cwd: string): CheckResult => ({
  version: '2.17.0',
  tofu: { kind: 'tofu', version: '1.12.6', path: '/usr/bin/tofu' },
  durationMs: 4200,
  templates: [
    {
      dir: 'templates/docker',
      absDir: path.join(cwd, 'templates/docker'),
      providerVersion: '2.17.0',
      durationMs: 4000,
      scenarios: [
        { name: 'start', transition: 'start', prebuild: false, status: 'planned', durationMs: 1500, preview },
        { name: 'stop', transition: 'stop', prebuild: false, status: 'failed', durationMs: 900 },
      ],
      findings: [
        f({ ruleId: 'secret/metadata-not-sensitive', severity: 'error', message: 'shows a secret', location: { file: 'main.tf', line: 40, column: 5 }, address: 'coder_metadata.m', scenarios: ['start'] }),
        f({ ruleId: 'secret/credential-literal', severity: 'error', message: 'a key', location: { file: 'vars.tfvars', line: 1, column: 9 }, scenarios: [] }),
        f({ ruleId: 'tofu/warning', severity: 'note', message: 'deprecated', location: { file: 'main.tf', line: 2 }, scenarios: ['start', 'stop'] }),
      ],
    },
  ],
});

describe('reports', () => {
  const cwd = '/work/repo';

  test('text: one line per finding with path:line:col, the preview with masked secrets, a summary', () => {
    const out = renderText(result(cwd), { cwd, preview: true, color: false });
    expect(out).toContain('templates/docker/main.tf:40:5: error secret/metadata-not-sensitive [start]\n    shows a secret');
    expect(out).toContain('templates/docker/vars.tfvars:1:9: error secret/credential-literal\n');
    expect(out).toContain('scenarios: start ✓ 1.5s, stop ✗ 0.9s');
    expect(out).toContain('agent main (linux/amd64, token auth) on docker_container.ws');
    expect(out).toMatch(/env GITHUB_TOKEN +•••••• \(sensitive, 40 chars\) +\(coder_env\.gh\)/);
    expect(out).toContain('metadata pw = (known after apply) [hidden in the UI]');
    expect(out).toContain('app code "VS Code" url "http://localhost:8080"');
    expect(out).toContain('parameter region (string) = "eu"');
    expect(out).toContain('2 errors, 0 warnings, 1 note in 1 template (tofu 1.12.6, 4.2s)');
    expect(renderText(result(cwd), { cwd, preview: false, color: false })).not.toContain('-- preview');
  });

  test('json: findings with file relative to the template and path relative to the cwd', () => {
    const doc = JSON.parse(renderJson(result(cwd), cwd));
    expect(doc.summary).toEqual({ errors: 2, warnings: 0, notes: 1, templates: 1 });
    expect(doc.templates[0].findings[0]).toEqual({
      ruleId: 'secret/metadata-not-sensitive',
      severity: 'error',
      message: 'shows a secret',
      file: 'main.tf',
      path: 'templates/docker/main.tf',
      line: 40,
      column: 5,
      address: 'coder_metadata.m',
      scenarios: ['start'],
    });
    expect(doc.templates[0].scenarios[0].preview.agents[0].env[1].value).toEqual({ kind: 'masked', reason: 'sensitive', length: 40 });
  });

  test('sarif 2.1.0: every catalog rule, results pointing at their rule, relative URIs', () => {
    const doc = JSON.parse(renderSarif(result(cwd), cwd));
    expect(doc.version).toBe('2.1.0');
    const run = doc.runs[0];
    expect(run.tool.driver.rules.map((r: { id: string }) => r.id)).toEqual(RULES.map((r) => r.id));
    expect(run.results.map((r: { ruleId: string; ruleIndex: number; level: string }) => [r.ruleId, run.tool.driver.rules[r.ruleIndex].id, r.level])).toEqual([
      ['secret/metadata-not-sensitive', 'secret/metadata-not-sensitive', 'error'],
      ['secret/credential-literal', 'secret/credential-literal', 'error'],
      ['tofu/warning', 'tofu/warning', 'note'],
    ]);
    expect(run.results[0].locations[0].physicalLocation).toEqual({ artifactLocation: { uri: 'templates/docker/main.tf', uriBaseId: '%SRCROOT%' }, region: { startLine: 40, startColumn: 5 } });
    expect(run.originalUriBaseIds['%SRCROOT%'].uri).toBe('file:///work/repo/');
    // Outside the current directory: an absolute file URI.
    const elsewhere = JSON.parse(renderSarif(result('/elsewhere'), '/other'));
    expect(elsewhere.runs[0].results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'file:///elsewhere/templates/docker/main.tf' });
  });
});

describe('arguments', () => {
  test('options and defaults', () => {
    const a = parseCheckArgs(['t1', '--format=sarif', '--scenario', 's.json', '--jobs', '3', '--timeout', '60', '--no-preview', 't2']);
    expect(a).toMatchObject({ dirs: ['t1', 't2'], format: 'sarif', scenario: 's.json', jobs: 3, timeoutMs: 60_000, preview: false });
    expect(() => parseCheckArgs(['--format', 'xml'])).toThrow(UsageError);
    expect(() => parseCheckArgs(['--jobs', '0'])).toThrow(UsageError);
    expect(() => parseCheckArgs(['--frob'])).toThrow('unknown option --frob');
    expect(() => parseCheckArgs(['--scenario'])).toThrow('--scenario needs a value');
  });

  test('a directory of templates expands to its template subdirectories', () => {
    const dir = templateDir({ 'a/main.tf': '', 'b/x.tf': '', 'c/README.md': '', '.hidden/main.tf': '', 'single/main.tf': '' });
    expect(expandDirs(['.'], dir)).toEqual(['a', 'b', 'single']);
    expect(expandDirs(['single'], dir)).toEqual(['single']);
    expect(() => expandDirs(['c'], dir)).toThrow('holds no .tf files');
    expect(() => expandDirs(['nope'], dir)).toThrow('no such directory');
  });
});
