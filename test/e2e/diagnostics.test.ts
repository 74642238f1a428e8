/**
 * Bad input through real tofu: wrong types, unknown attributes, an invalid URL, invalid env
 * names, values out of range, duplicate keys. Each gets an error pointing at the offending line
 * (the attribute path made it to tofu), never a crash, and the same diagnostics as the Go provider.
 */
import { E2E_TEST_TIMEOUT_MS, createWorkdir, init, runTofu, validate, type ProviderKind } from './harness';

jest.setTimeout(E2E_TEST_TIMEOUT_MS);

const header = `terraform {
  required_providers {
    coder = { source = "coder/coder" }
  }
}
`;

interface Case {
  name: string;
  body: string;
  /** The line (1-based, within body) the diagnostic must point at. */
  line: number;
  summary: string | RegExp;
  /** validate (default) or plan (checks that run when planning). */
  phase?: 'validate' | 'plan';
}

const agent = (extra: string) => `resource "coder_agent" "a" {\n  os   = "linux"\n  arch = "amd64"\n${extra}\n}\n`;

const cases: Case[] = [
  { name: 'value not in the allowed list', body: `resource "coder_agent" "a" {\n  os   = "plan9"\n  arch = "amd64"\n}\n`, line: 2, summary: 'expected os to be one of ["linux" "darwin" "windows"], got plan9' },
  { name: 'invalid env name', body: `resource "coder_env" "e" {\n  agent_id = "a"\n  name     = "bad-name"\n}\n`, line: 3, summary: 'invalid value for name (must be a valid environment variable name)' },
  // tofu validates the provider block only when something uses the provider.
  { name: 'invalid provider URL', body: `provider "coder" {\n  url = "http://[::1:80"\n}\ndata "coder_workspace" "me" {}\n`, line: 2, summary: /missing '\]' in host/ },
  { name: 'value out of range', body: agent('  connection_timeout = -1'), line: 4, summary: 'expected connection_timeout to be at least (0), got -1' },
  {
    name: 'nested value out of range',
    body: agent('  resources_monitoring {\n    memory {\n      enabled   = true\n      threshold = 101\n    }\n  }'),
    // Paths into sets stop at the set, and tofu then points at the whole resource (as with Go).
    line: 1,
    summary: 'expected resources_monitoring.0.memory.0.threshold to be in the range (0 - 100), got 101',
  },
  { name: 'unknown attribute', body: agent('  colour = "blue"'), line: 4, summary: 'Unsupported argument' },
  { name: 'wrong type', body: agent('  env = "not-a-map"'), line: 4, summary: 'Incorrect attribute value type' },
  { name: 'invalid icon URL', body: `resource "coder_metadata" "m" {\n  resource_id = "r"\n  icon        = "/icon%.svg"\n}\n`, line: 3, summary: 'parse "/icon%.svg": invalid URL escape "%.s"' },
  {
    name: 'duplicate metadata keys (plan time)',
    body: `resource "coder_metadata" "m" {\n  resource_id = "r"\n  item {\n    key = "a"\n  }\n  item {\n    key = "a"\n  }\n}\n`,
    line: 1,
    summary: 'duplicate resource metadata key "a"',
    phase: 'plan',
  },
];

interface Seen {
  severity: string;
  summary: string;
  detail: string;
  line: number | undefined;
}

async function diagnose(c: Case, provider: ProviderKind): Promise<Seen[]> {
  const wd = createWorkdir({ files: { 'main.tf': header + c.body }, provider });
  try {
    await init(wd);
    let diags: { severity: string; summary: string; detail?: string; range?: { start: { line: number } } }[];
    if (c.phase === 'plan') {
      const r = await runTofu(wd, ['plan', '-json', '-input=false']);
      expect(r.code).toBe(1);
      diags = r.stdout
        .split('\n')
        .filter((l) => l.trim().startsWith('{'))
        .map((l) => JSON.parse(l))
        .filter((m) => m.type === 'diagnostic')
        .map((m) => m.diagnostic);
    } else {
      const v = await validate(wd);
      expect(v.valid).toBe(false);
      diags = v.diagnostics as typeof diags;
    }
    const offset = header.split('\n').length - 1;
    return diags
      .filter((d) => d.severity === 'error')
      .map((d) => ({ severity: d.severity, summary: d.summary, detail: d.detail ?? '', line: d.range ? d.range.start.line - offset : undefined }));
  } finally {
    wd.cleanup();
  }
}

describe.each(cases)('$name', (c) => {
  it('is an error at the offending line, identical with the Go provider', async () => {
    const [ours, go] = await Promise.all([diagnose(c, 'ours'), diagnose(c, 'go')]);
    expect(ours.length).toBeGreaterThan(0);
    expect(ours[0]!.summary).toMatch(c.summary);
    expect(ours[0]!.line).toBe(c.line);
    expect(ours).toEqual(go);
  });
});
