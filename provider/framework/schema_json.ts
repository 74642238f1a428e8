/**
 * Renders protocol schemas in the format `terraform|tofu providers schema -json` prints, so that
 * our exported schema can be compared with (and used like) the CLI's output: docs generation,
 * CDKTF bindings and the schema parity test all read this shape.
 */
import type { GetProviderSchemaResponse, Schema, SchemaAttribute, SchemaBlock } from '../protocol/interface';
import { typeToJson } from '../values/typejson';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function attributeJson(a: SchemaAttribute): Json {
  const out: Record<string, Json> = {};
  if (a.type) out.type = JSON.parse(typeToJson(a.type)) as Json;
  if (a.description) out.description = a.description;
  out.description_kind = a.descriptionKind;
  if (a.required) out.required = true;
  if (a.optional) out.optional = true;
  if (a.computed) out.computed = true;
  if (a.sensitive) out.sensitive = true;
  if (a.deprecated) out.deprecated = true;
  if (a.deprecated && a.deprecationMessage) out.deprecation_message = a.deprecationMessage;
  if (a.writeOnly) out.write_only = true;
  return out;
}

export function blockJson(b: SchemaBlock): Record<string, Json> {
  const out: Record<string, Json> = {};
  if (b.attributes.length > 0) {
    const attrs: Record<string, Json> = {};
    for (const a of [...b.attributes].sort((x, y) => x.name.localeCompare(y.name))) attrs[a.name] = attributeJson(a);
    out.attributes = attrs;
  }
  if (b.blockTypes.length > 0) {
    const blocks: Record<string, Json> = {};
    for (const nb of [...b.blockTypes].sort((x, y) => x.typeName.localeCompare(y.typeName))) {
      const entry: Record<string, Json> = { nesting_mode: nb.nesting, block: blockJson(nb.block) };
      if (nb.minItems) entry.min_items = nb.minItems;
      if (nb.maxItems) entry.max_items = nb.maxItems;
      blocks[nb.typeName] = entry;
    }
    out.block_types = blocks;
  }
  if (b.description) out.description = b.description;
  out.description_kind = b.descriptionKind;
  if (b.deprecated) out.deprecated = true;
  if (b.deprecated && b.deprecationMessage) out.deprecation_message = b.deprecationMessage;
  return out;
}

const schemaJson = (s: Schema): Json => ({ version: s.version, block: blockJson(s.block) });

const mapJson = (schemas: Readonly<Record<string, Schema>>): Record<string, Json> => {
  const out: Record<string, Json> = {};
  for (const name of Object.keys(schemas).sort()) out[name] = schemaJson(schemas[name] as Schema);
  return out;
};

/** The whole document, keyed by the provider's source address. */
export function providersSchemaJson(address: string, resp: GetProviderSchemaResponse): Json {
  return {
    format_version: '1.0',
    provider_schemas: {
      [address]: {
        provider: schemaJson(resp.provider),
        resource_schemas: mapJson(resp.resourceSchemas),
        data_source_schemas: mapJson(resp.dataSourceSchemas),
      },
    },
  };
}
