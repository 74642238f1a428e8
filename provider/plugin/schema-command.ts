/**
 * `terraform-provider-coder schema`: prints the provider's schema as JSON in the shape
 * `terraform providers schema -json` / `tofu providers schema -json` print, without a CLI, a
 * work dir or a plugin handshake. `npm run schema` writes it to schemas/coder.schema.json, from
 * which the registry docs are rendered (scripts/gen-docs.ts).
 *
 * The document is keyed by `registry.terraform.io/coder/coder` (tofu prints the same content
 * under `registry.opentofu.org/coder/coder`). Key order follows the CLI's JSON encoder (struct
 * fields in declaration order, map keys sorted bytewise), so the file can be compared textually
 * with the CLI's output after pretty-printing both.
 *
 * stdout is allowed here: this is a command a human (or a script) runs, not plugin mode.
 */
import type { GetProviderSchemaResponse } from '../protocol/interface';
import { providersSchemaJson } from '../framework/schema_json';
import type { CliContext, CommandResult } from './cli';
import { BINARY_NAME, PROVIDER_ADDRESS } from './constants';
import { writeFdSync } from './fd-write';
import { createLogger } from './logging';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type JsonObject = { [k: string]: Json };

// Field orders of the CLI's JSON structs (OpenTofu internal/command/jsonprovider).
const DOCUMENT_FIELDS = ['format_version', 'provider_schemas'];
const PROVIDER_FIELDS = ['provider', 'resource_schemas', 'data_source_schemas', 'ephemeral_resource_schemas', 'functions', 'resource_identity_schemas'];
const SCHEMA_FIELDS = ['version', 'block'];
const BLOCK_FIELDS = ['attributes', 'block_types', 'description', 'description_kind', 'deprecated', 'deprecation_message'];
const BLOCK_TYPE_FIELDS = ['nesting_mode', 'block', 'min_items', 'max_items'];
const ATTRIBUTE_FIELDS = [
  'type',
  'nested_type',
  'description',
  'description_kind',
  'deprecated',
  'deprecation_message',
  'required',
  'optional',
  'computed',
  'sensitive',
  'write_only',
];
const NESTED_TYPE_FIELDS = ['attributes', 'nesting_mode'];

const isObject = (v: Json | undefined): v is JsonObject => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Go sorts map keys by their bytes; for the ASCII names of a schema that is code-unit order. */
const byteOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Copies `obj` with `fields` first in that order, each passed through `child`. A key outside the
 * list would mean the renderer grew a field this ordering does not know: fail loudly rather than
 * emit a document that silently differs from the CLI's.
 */
function ordered(obj: JsonObject, fields: readonly string[], what: string, child: (key: string, v: Json) => Json = (_k, v) => v): JsonObject {
  const out: JsonObject = {};
  for (const f of fields) if (Object.prototype.hasOwnProperty.call(obj, f)) out[f] = child(f, obj[f] as Json);
  for (const k of Object.keys(obj)) if (!fields.includes(k)) throw new Error(`schema export: unexpected field "${k}" in ${what}`);
  return out;
}

function sortedMap(obj: Json, each: (v: Json) => Json): JsonObject {
  if (!isObject(obj)) throw new Error('schema export: expected a JSON object');
  const out: JsonObject = {};
  for (const k of Object.keys(obj).sort(byteOrder)) out[k] = each(obj[k] as Json);
  return out;
}

function attribute(a: Json): Json {
  if (!isObject(a)) throw new Error('schema export: attribute is not an object');
  return ordered(a, ATTRIBUTE_FIELDS, 'an attribute', (k, v) =>
    k === 'nested_type' && isObject(v) ? ordered(v, NESTED_TYPE_FIELDS, 'a nested type', (nk, nv) => (nk === 'attributes' ? sortedMap(nv, attribute) : nv)) : v,
  );
}

function block(b: Json): Json {
  if (!isObject(b)) throw new Error('schema export: block is not an object');
  return ordered(b, BLOCK_FIELDS, 'a block', (k, v) => {
    if (k === 'attributes') return sortedMap(v, attribute);
    if (k === 'block_types') return sortedMap(v, blockType);
    return v;
  });
}

function blockType(bt: Json): Json {
  if (!isObject(bt)) throw new Error('schema export: block type is not an object');
  return ordered(bt, BLOCK_TYPE_FIELDS, 'a nested block', (k, v) => (k === 'block' ? block(v) : v));
}

function schema(s: Json): Json {
  if (!isObject(s)) throw new Error('schema export: schema is not an object');
  return ordered(s, SCHEMA_FIELDS, 'a schema', (k, v) => (k === 'block' ? block(v) : v));
}

/** Reorders a `providersSchemaJson` document into the CLI's key order. */
export function inCliKeyOrder(doc: Json): Json {
  if (!isObject(doc)) throw new Error('schema export: document is not an object');
  return ordered(doc, DOCUMENT_FIELDS, 'the document', (k, v) =>
    k === 'provider_schemas'
      ? sortedMap(v, (p) => {
          if (!isObject(p)) throw new Error('schema export: provider entry is not an object');
          return ordered(p, PROVIDER_FIELDS, 'a provider entry', (pk, pv) => (pk === 'provider' ? schema(pv) : sortedMap(pv, schema)));
        })
      : v,
  );
}

/** The exported text: the document pretty-printed with two spaces, and a final newline. */
export function renderSchemaDocument(resp: GetProviderSchemaResponse, address: string = PROVIDER_ADDRESS): string {
  return `${JSON.stringify(inCliKeyOrder(providersSchemaJson(address, resp)), null, 2)}\n`;
}

export async function runSchemaCommand(args: readonly string[], ctx: CliContext): Promise<CommandResult> {
  if (args.length > 0) {
    writeFdSync(2, `${BINARY_NAME} schema: takes no arguments (got ${args.length})\n`);
    return 2;
  }
  // Logs (warnings and errors by default) go to stderr as everywhere else; stdout gets only JSON.
  const provider = ctx.loadProviderFactory()(createLogger(ctx.env));
  const resp = await provider.getProviderSchema({ signal: new AbortController().signal });
  const errors = resp.diagnostics.filter((d) => d.severity === 'error');
  if (errors.length > 0) {
    for (const d of errors) writeFdSync(2, `${BINARY_NAME} schema: ${d.summary}${d.detail ? `: ${d.detail}` : ''}\n`);
    return 1;
  }
  writeFdSync(1, renderSchemaDocument(resp));
  return 0;
}
