/**
 * schemas/coder.schema.json (written by `npm run schema`) against a fresh export: the checked-in
 * file must be exactly what `terraform-provider-coder schema` prints now, so a schema change
 * without a re-export fails here. The command runs in-process through the CLI dispatch with fd
 * writes captured; test/e2e/schema-export.test.ts runs the built executable and compares with
 * `tofu providers schema -json`.
 */
const writes: Array<[number, string]> = [];
jest.mock('../../../provider/plugin/fd-write', () => ({
  writeFdSync: (fd: number, text: string) => writes.push([fd, text]),
}));

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCoderProvider } from '../../../provider/coder/provider';
import { runCli } from '../../../provider/plugin/cli';
import type { ProviderFactory } from '../../../provider/plugin/provider-factory';
import { inCliKeyOrder } from '../../../provider/plugin/schema-command';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const ROOT = join(__dirname, '..', '..', '..');
const SCHEMA_FILE = join(ROOT, 'schemas', 'coder.schema.json');
const checkedIn = readFileSync(SCHEMA_FILE, 'utf8');

const ctx = { env: {}, loadProviderFactory: (): ProviderFactory => createCoderProvider };

beforeEach(() => writes.splice(0));

async function freshExport(): Promise<string> {
  await expect(runCli(['schema'], ctx)).resolves.toBe(0);
  const stdout = writes.filter(([fd]) => fd === 1).map(([, t]) => t);
  expect(stdout).toHaveLength(1);
  return stdout[0] as string;
}

test('schemas/coder.schema.json is a fresh export (run `npm run schema` after a schema change)', async () => {
  expect(checkedIn).toBe(await freshExport());
});

test('the export is keyed by registry.terraform.io/coder/coder and lists every type', () => {
  const doc = JSON.parse(checkedIn);
  expect(doc.format_version).toBe('1.0');
  expect(Object.keys(doc.provider_schemas)).toEqual(['registry.terraform.io/coder/coder']);
  const p = doc.provider_schemas['registry.terraform.io/coder/coder'];
  expect(Object.keys(p)).toEqual(['provider', 'resource_schemas', 'data_source_schemas']);
  expect(Object.keys(p.resource_schemas)).toEqual([
    'coder_agent',
    'coder_agent_instance',
    'coder_ai_task',
    'coder_app',
    'coder_devcontainer',
    'coder_env',
    'coder_external_agent',
    'coder_metadata',
    'coder_script',
  ]);
  expect(Object.keys(p.data_source_schemas)).toEqual([
    'coder_external_auth',
    'coder_parameter',
    'coder_provisioner',
    'coder_secret',
    'coder_task',
    'coder_workspace',
    'coder_workspace_owner',
    'coder_workspace_preset',
    'coder_workspace_tags',
  ]);
  expect(p.resource_schemas.coder_agent.block.attributes.token.sensitive).toBe(true);
  expect(p.data_source_schemas.coder_secret.block.attributes.value.sensitive).toBe(true);
});

test('nothing but the JSON goes to stdout, and no provider log line is written at the default level', async () => {
  await freshExport();
  expect(writes.filter(([fd]) => fd !== 1)).toEqual([]);
});

test('arguments are refused: exit 2, message on stderr, nothing on stdout', async () => {
  await expect(runCli(['schema', '-json'], ctx)).resolves.toBe(2);
  expect(writes).toEqual([[2, expect.stringMatching(/schema: takes no arguments/)]]);
});

/** Key sequences of every object below `v`, by path; description keys dropped (ours differ). */
function keySequences(v: Json, at = '$', out = new Map<string, string[]>()): Map<string, string[]> {
  if (Array.isArray(v)) v.forEach((x, i) => keySequences(x, `${at}[${i}]`, out));
  else if (v && typeof v === 'object') {
    out.set(at, Object.keys(v).filter((k) => k !== 'description'));
    for (const [k, x] of Object.entries(v)) keySequences(x, `${at}.${k}`, out);
  }
  return out;
}

test('key order matches what tofu prints (the Go provider fixture captured through real tofu)', () => {
  // Same schema (descriptions aside, and minus coder_secret), so every shared object must list
  // the same keys in the same order: struct fields in the CLI's order, map keys sorted.
  const go = JSON.parse(readFileSync(join(ROOT, 'test', 'fixtures', 'go-provider', 'schema.json'), 'utf8'));
  const ours = JSON.parse(checkedIn);
  const goEntry = keySequences(go.provider_schemas['registry.opentofu.org/coder/coder']);
  const ourEntry = keySequences(ours.provider_schemas['registry.terraform.io/coder/coder']);
  const differing: string[] = [];
  for (const [path, keys] of goEntry) {
    // coder_secret is ours alone (the Go reference is v2.18.0, where it was reverted).
    const mine = (ourEntry.get(path) ?? []).filter((k) => k !== 'coder_secret');
    if (JSON.stringify(mine) !== JSON.stringify(keys)) differing.push(`${path}: ours ${mine.join(',')} / tofu ${keys.join(',')}`);
  }
  expect(goEntry.size).toBeGreaterThan(250);
  expect(differing).toEqual([]);
});

describe('inCliKeyOrder', () => {
  const doc = (attr: Json): Json => ({
    provider_schemas: {
      'b/x': { provider: { block: { description_kind: 'plain' }, version: 0 } },
      'a/x': {
        data_source_schemas: {},
        resource_schemas: { z_b: { block: { description_kind: 'plain' }, version: 1 }, z_a: { version: 2, block: { attributes: { x: attr } } } },
        provider: { version: 0, block: {} },
      },
    },
    format_version: '1.0',
  });

  it('puts struct fields in the CLI order and sorts map keys', () => {
    const out = inCliKeyOrder(doc({ optional: true, deprecated: true, type: 'string', description_kind: 'plain' })) as { [k: string]: Json };
    expect(JSON.stringify(out)).toBe(
      JSON.stringify({
        format_version: '1.0',
        provider_schemas: {
          'a/x': {
            provider: { version: 0, block: {} },
            resource_schemas: {
              z_a: { version: 2, block: { attributes: { x: { type: 'string', description_kind: 'plain', deprecated: true, optional: true } } } },
              z_b: { version: 1, block: { description_kind: 'plain' } },
            },
            data_source_schemas: {},
          },
          'b/x': { provider: { version: 0, block: { description_kind: 'plain' } } },
        },
      }),
    );
  });

  it('refuses a field it does not know instead of guessing its position', () => {
    expect(() => inCliKeyOrder(doc({ type: 'string', frobnicate: true }))).toThrow(/unexpected field "frobnicate" in an attribute/);
  });
});
