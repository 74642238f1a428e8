/**
 * Schema parity with the Go provider: `tofu providers schema -json` through the Go provider
 * (test/fixtures/go-provider/schema.json, refreshed by test/e2e/go-fixtures.test.ts) against the
 * schema our provider serves, descriptions aside (ours are our own words).
 *
 * The fixture comes from v2.18.0, the nearest version the Go module proxy serves; it lacks
 * coder_secret (reverted upstream after v2.17.0), which is compared against the spec instead.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createCoderProvider } from '../../../provider/coder/provider';
import { providersSchemaJson } from '../../../provider/framework/schema_json';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Drops description texts (not behaviour) but keeps every other key. */
function withoutDescriptions(v: Json): Json {
  if (Array.isArray(v)) return v.map(withoutDescriptions);
  if (v && typeof v === 'object') {
    const out: { [k: string]: Json } = {};
    for (const [k, x] of Object.entries(v)) if (k !== 'description') out[k] = withoutDescriptions(x);
    return out;
  }
  return v;
}

const goDoc = JSON.parse(readFileSync(join(__dirname, '../../fixtures/go-provider/schema.json'), 'utf8'));
const go = Object.values(goDoc.provider_schemas)[0] as Record<string, Record<string, Json>>;

let ours: Record<string, Record<string, Json>>;
beforeAll(async () => {
  const resp = await createCoderProvider().getProviderSchema({ signal: new AbortController().signal });
  const doc = providersSchemaJson('registry.terraform.io/coder/coder', resp) as { provider_schemas: Record<string, Record<string, Record<string, Json>>> };
  ours = doc.provider_schemas['registry.terraform.io/coder/coder']!;
});

describe('schema parity with the Go provider', () => {
  it('serves the same resource types', () => {
    expect(Object.keys(ours.resource_schemas!).sort()).toEqual(Object.keys(go.resource_schemas!).sort());
  });

  it('serves the same data sources, plus coder_secret (removed upstream after v2.17.0)', () => {
    expect(Object.keys(ours.data_source_schemas!).sort()).toEqual([...Object.keys(go.data_source_schemas!), 'coder_secret'].sort());
  });

  it('has the same provider schema', () => {
    expect(withoutDescriptions(ours.provider as Json)).toEqual(withoutDescriptions(go.provider as Json));
  });

  for (const kind of ['resource_schemas', 'data_source_schemas'] as const) {
    const names = Object.keys((go[kind] ?? {}) as object);
    it.each(names)(`${kind} %s matches attribute for attribute`, (name) => {
      expect(withoutDescriptions((ours[kind] as Record<string, Json>)[name] ?? null)).toEqual(withoutDescriptions((go[kind] as Record<string, Json>)[name] ?? null));
    });
  }

  it('describes every attribute and block in our own words', () => {
    const missing: string[] = [];
    const walk = (block: Record<string, Json>, at: string) => {
      for (const [n, a] of Object.entries((block.attributes ?? {}) as Record<string, Record<string, Json>>)) {
        if (n !== 'id' && !a.description) missing.push(`${at}.${n}`);
      }
      for (const [n, b] of Object.entries((block.block_types ?? {}) as Record<string, Record<string, Json>>)) {
        walk(b.block as Record<string, Json>, `${at}.${n}`);
      }
    };
    for (const kind of ['resource_schemas', 'data_source_schemas'] as const) {
      for (const [name, s] of Object.entries(ours[kind] as Record<string, Record<string, Json>>)) walk(s.block as Record<string, Json>, name);
    }
    expect(missing).toEqual([]);
  });
});
