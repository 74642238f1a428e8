/**
 * Field numbers and wire types of the generated codecs, checked against hand-decoded bytes, plus
 * the conversion helpers and the generator's reproducibility.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { tfplugin5 } from '../../provider/protocol/generated/tfplugin5';
import { tfplugin6 } from '../../provider/protocol/generated/tfplugin6';
import { grpc as healthPb, plugin } from '../../provider/protocol/generated/goplugin';
import * as c from '../../provider/protocol/convert';
import type { Schema, SchemaAttribute } from '../../provider/protocol/interface';
import { listOf, mapOf, objectOf, StringType, NumberType, BoolType } from '../../provider/values/types';
import { field, fieldNumbers, readFields, w } from './adapter-wire-helpers';

const repo = join(__dirname, '..', '..');
const enc = (writer: { finish(): Uint8Array }): Uint8Array => writer.finish();

function attr(name: string, extra: Partial<SchemaAttribute> = {}): SchemaAttribute {
  return {
    name,
    type: StringType,
    description: '',
    descriptionKind: 'plain',
    required: false,
    optional: true,
    computed: false,
    sensitive: false,
    deprecated: false,
    writeOnly: false,
    ...extra,
  };
}

describe('field numbers (generated codecs vs raw bytes)', () => {
  test.each([
    ['v5', tfplugin5.Diagnostic],
    ['v6', tfplugin6.Diagnostic],
  ])('%s Diagnostic: severity is field 1 varint, summary 2, detail 3, attribute 4', (_v, Diagnostic) => {
    const bytes = enc(
      Diagnostic.encode({ severity: 1, summary: 'S', detail: 'D', attribute: { steps: [{ attributeName: 'a' }] } }),
    );
    expect(Array.from(bytes.subarray(0, 2))).toEqual([0x08, 0x01]);
    expect(field(bytes, 1)).toEqual({ no: 1, wt: 0, value: 1n });
    expect(Buffer.from(field(bytes, 2).value as Uint8Array).toString()).toBe('S');
    expect(Buffer.from(field(bytes, 3).value as Uint8Array).toString()).toBe('D');
    const path = field(bytes, 4).value as Uint8Array;
    const step = field(path, 1).value as Uint8Array;
    expect(field(step, 1)).toMatchObject({ wt: 2 });
  });

  test('AttributePath.Step selectors: attribute_name 1, element_key_string 2, element_key_int 3 (varint)', () => {
    const bytes = enc(
      tfplugin6.AttributePath.encode(
        c.attributePathToProto([{ attribute: 'env' }, { key: 'HOME' }, { index: 7 }]) as tfplugin6.IAttributePath,
      ),
    );
    const steps = readFields(bytes).map((f) => readFields(f.value as Uint8Array));
    expect(steps.map((s) => s.map((f) => [f.no, f.wt]))).toEqual([[[1, 2]], [[2, 2]], [[3, 0]]]);
    expect(steps[2]![0]!.value).toBe(7n);
  });

  test.each([
    ['v5', tfplugin5.PlanResourceChange.Response, tfplugin5.ApplyResourceChange.Response],
    ['v6', tfplugin6.PlanResourceChange.Response, tfplugin6.ApplyResourceChange.Response],
  ])('%s legacy_type_system: field 5 in PlanResourceChange.Response, field 4 in Apply', (_v, Plan, Apply) => {
    expect(Array.from(enc(Plan.encode({ legacyTypeSystem: true })))).toEqual([0x28, 0x01]);
    expect(Array.from(enc(Apply.encode({ legacyTypeSystem: true })))).toEqual([0x20, 0x01]);
    const plan = enc(Plan.encode({ plannedState: { msgpack: Uint8Array.of(0xc0) }, requiresReplace: [{ steps: [] }], plannedPrivate: Uint8Array.of(1), diagnostics: [{ severity: 2 }] }));
    expect(fieldNumbers(plan)).toEqual([1, 2, 3, 4]);
  });

  test('Schema.Attribute write_only is field 10 in v5 and 11 in v6; deprecation_message 11 vs 12; v6 nested_type 10', () => {
    expect(Array.from(enc(tfplugin5.Schema.Attribute.encode({ writeOnly: true })))).toEqual([0x50, 0x01]);
    expect(Array.from(enc(tfplugin6.Schema.Attribute.encode({ writeOnly: true })))).toEqual([0x58, 0x01]);
    expect(fieldNumbers(enc(tfplugin5.Schema.Attribute.encode({ deprecationMessage: 'x' })))).toEqual([11]);
    expect(fieldNumbers(enc(tfplugin6.Schema.Attribute.encode({ deprecationMessage: 'x' })))).toEqual([12]);
    const nested = enc(tfplugin6.Schema.Attribute.encode({ nestedType: { attributes: [], nesting: 2 } }));
    expect(field(nested, 10)).toMatchObject({ wt: 2 });
    expect(field(field(nested, 10).value as Uint8Array, 3)).toEqual({ no: 3, wt: 0, value: 2n });
  });

  test('Schema.Block / NestedBlock numbering and an explicitly empty block is still encoded', () => {
    const block = enc(
      tfplugin6.Schema.Block.encode({
        attributes: [{ name: 'a' }],
        blockTypes: [{ typeName: 'b', block: {}, nesting: 5, minItems: 0, maxItems: 0 }],
        description: 'd',
        descriptionKind: 1,
        deprecated: true,
      }),
    );
    expect(fieldNumbers(block)).toEqual([2, 3, 4, 5, 6]);
    const nb = field(block, 3).value as Uint8Array;
    expect(readFields(nb).map((f) => f.no)).toContain(2); // the empty block is present (length 0)
    expect(field(nb, 2).value).toHaveLength(0);
    expect(field(nb, 3)).toEqual({ no: 3, wt: 0, value: 5n });
  });

  test('v6 ValidateProviderConfig.Response puts diagnostics in field 2; v5 PrepareProviderConfig has prepared_config 1', () => {
    expect(fieldNumbers(enc(tfplugin6.ValidateProviderConfig.Response.encode({ diagnostics: [{ severity: 1 }] })))).toEqual([2]);
    expect(
      fieldNumbers(enc(tfplugin5.PrepareProviderConfig.Response.encode({ preparedConfig: { msgpack: Uint8Array.of(0x80) }, diagnostics: [{ severity: 1 }] }))),
    ).toEqual([1, 2]);
  });

  test.each([
    ['v5', tfplugin5.Stop.Response],
    ['v6', tfplugin6.StopProvider.Response],
  ])('%s stop response: Error is field 1', (_v, Res) => {
    expect(field(enc(Res.encode({ Error: 'boom' })), 1)).toMatchObject({ wt: 2 });
  });

  test('GetProviderSchema.Response numbering (v5 and v6)', () => {
    for (const Res of [tfplugin5.GetProviderSchema.Response, tfplugin6.GetProviderSchema.Response]) {
      const bytes = enc(
        Res.encode({
          provider: { block: {} },
          resourceSchemas: { r: { block: {} } },
          dataSourceSchemas: { d: { block: {} } },
          diagnostics: [{ severity: 2 }],
          providerMeta: { block: {} },
          serverCapabilities: { planDestroy: true },
        }),
      );
      expect(fieldNumbers(bytes)).toEqual([1, 2, 3, 4, 5, 6]);
      const entry = field(bytes, 2).value as Uint8Array; // map entry: key 1, value 2
      expect(fieldNumbers(entry)).toEqual([1, 2]);
      expect(field(field(bytes, 6).value as Uint8Array, 1)).toEqual({ no: 1, wt: 0, value: 1n });
    }
  });

  test('ServerCapabilities and ClientCapabilities numbering', () => {
    const caps = enc(tfplugin6.ServerCapabilities.encode({ planDestroy: true, getProviderSchemaOptional: true, moveResourceState: true, generateResourceConfig: true }));
    expect(fieldNumbers(caps)).toEqual([1, 2, 3, 4]);
    const client = tfplugin5.ClientCapabilities.decode(w.build(w.varint(1, true), w.varint(2, true)));
    expect(c.clientCapabilitiesFromProto(client)).toEqual({ deferralAllowed: true, writeOnlyAttributesAllowed: true });
  });

  test('hand-encoded ReadResource.Request decodes into the internal request', () => {
    const raw = w.build(
      w.string(1, 'coder_agent'),
      w.message(2, w.bytes(1, [0x81, 0xa1, 0x61, 0xc0])),
      w.bytes(3, [9, 8]),
      w.message(5, w.varint(2, true)),
    );
    for (const Req of [tfplugin5.ReadResource.Request, tfplugin6.ReadResource.Request]) {
      const internal = c.readResourceRequestFromProto(Req.decode(raw));
      expect(internal.typeName).toBe('coder_agent');
      expect(Array.from(internal.currentState.msgpack!)).toEqual([0x81, 0xa1, 0x61, 0xc0]);
      expect(internal.currentState.json).toBeUndefined();
      expect(Array.from(internal.private)).toEqual([9, 8]);
      expect(internal.providerMeta).toBeUndefined();
      expect(internal.clientCapabilities).toEqual({ deferralAllowed: false, writeOnlyAttributesAllowed: true });
    }
  });

  test('int64 fields decode to plain numbers; raw state json and flatmap survive', () => {
    const raw = w.build(
      w.string(1, 'coder_agent'),
      w.varint(2, 3),
      w.message(3, w.string(1, '{"id":"x"}'), w.message(2, w.string(1, 'k'), w.string(2, 'v'))),
    );
    const internal = c.upgradeResourceStateRequestFromProto(tfplugin6.UpgradeResourceState.Request.decode(raw));
    expect(internal.version).toBe(3);
    expect(typeof internal.version).toBe('number');
    expect(Buffer.from(internal.rawState.json!).toString()).toBe('{"id":"x"}');
    expect({ ...internal.rawState.flatmap }).toEqual({ k: 'v' });
    // Absent int64 -> 0; an out-of-range value is rejected rather than rounded.
    expect(c.int64ToNumber(tfplugin6.UpgradeResourceState.Request.decode(new Uint8Array(0)).version)).toBe(0);
    const huge = tfplugin6.UpgradeResourceState.Request.decode(w.build(w.varint(2, 1n << 60n))).version;
    expect(() => c.int64ToNumber(huge)).toThrow(RangeError);
  });

  test('MoveResourceState.Request numbering', () => {
    const raw = w.build(
      w.string(1, 'registry.terraform.io/x/y'),
      w.string(2, 'old'),
      w.varint(3, 2),
      w.message(4, w.string(1, '{}')),
      w.string(5, 'new'),
    );
    expect(c.moveResourceStateRequestFromProto(tfplugin6.MoveResourceState.Request.decode(raw))).toMatchObject({
      sourceProviderAddress: 'registry.terraform.io/x/y',
      sourceTypeName: 'old',
      sourceSchemaVersion: 2,
      targetTypeName: 'new',
    });
  });

  test('go-plugin messages: StdioData, ConnInfo, HealthCheckResponse', () => {
    const stdio = enc(plugin.StdioData.encode({ channel: 2, data: Uint8Array.of(104, 105) }));
    expect(Array.from(stdio)).toEqual([0x08, 0x02, 0x12, 0x02, 104, 105]);
    const conn = enc(plugin.ConnInfo.encode({ serviceId: 7, network: 'unix', address: '/s', knock: { knock: true, ack: true, error: 'e' } }));
    expect(fieldNumbers(conn)).toEqual([1, 2, 3, 4]);
    expect(fieldNumbers(field(conn, 4).value as Uint8Array)).toEqual([1, 2, 3]);
    expect(Array.from(enc(healthPb.health.v1.HealthCheckResponse.encode({ status: 1 })))).toEqual([0x08, 0x01]);
    expect(healthPb.health.v1.HealthCheckRequest.decode(w.build(w.string(1, 'plugin'))).service).toBe('plugin');
    expect(enc(plugin.Empty.encode({}))).toHaveLength(0);
  });
});

describe('conversions', () => {
  const schema: Schema = {
    version: 2,
    block: {
      attributes: [
        attr('id', { optional: false, computed: true }),
        attr('env', { type: mapOf(StringType), sensitive: true, writeOnly: true }),
        attr('count', { type: NumberType, required: true, optional: false }),
      ],
      blockTypes: [
        {
          typeName: 'metadata',
          nesting: 'list',
          minItems: 0,
          maxItems: 3,
          block: {
            attributes: [attr('key', { type: BoolType })],
            blockTypes: [],
            description: 'md',
            descriptionKind: 'markdown',
            deprecated: false,
          },
        },
        {
          typeName: 'empty',
          nesting: 'group',
          minItems: 0,
          maxItems: 0,
          block: { attributes: [], blockTypes: [], description: '', descriptionKind: 'plain', deprecated: false },
        },
      ],
      description: 'A resource',
      descriptionKind: 'plain',
      deprecated: false,
    },
  };

  test('schema -> proto: type JSON, flags, nesting, always a block', () => {
    for (const protocol of [5, 6] as const) {
      const p = c.schemaToProto(schema, protocol);
      expect(p.version).toBe(2);
      const [id, env, count] = p.block.attributes;
      expect(JSON.parse(Buffer.from(id!.type!).toString())).toBe('string');
      expect(JSON.parse(Buffer.from(env!.type!).toString())).toEqual(['map', 'string']);
      expect(id).toMatchObject({ computed: true, optional: false, required: false });
      expect(env).toMatchObject({ sensitive: true, writeOnly: true });
      expect(count).toMatchObject({ required: true });
      expect(p.block.blockTypes.map((b) => [b.typeName, b.nesting, b.maxItems])).toEqual([
        ['metadata', 2, 3],
        ['empty', 5, 0],
      ]);
      expect(p.block.blockTypes[0]!.block.descriptionKind).toBe(1);
      expect(p.block.blockTypes[1]!.block).toEqual({ version: 0, attributes: [], blockTypes: [], description: '', descriptionKind: 0, deprecated: false, deprecationMessage: '' });
    }
  });

  test('nested attribute types: v6 only', () => {
    const nestedAttr = attr('rules', {
      type: undefined,
      nestedType: { nesting: 'set', attributes: [attr('name')] },
    });
    const s: Schema = { version: 0, block: { ...schema.block, attributes: [nestedAttr], blockTypes: [] } };
    const v6 = c.schemaToProto(s, 6).block.attributes[0]!;
    expect(v6.type).toBeUndefined();
    expect(v6.nestedType).toMatchObject({ nesting: 3, attributes: [{ name: 'name' }] });
    expect(() => c.schemaToProto(s, 5)).toThrow(/protocol 5/);
  });

  test('an attribute without a type is refused (Terraform would panic on empty type JSON)', () => {
    const s: Schema = { version: 0, block: { ...schema.block, attributes: [attr('x', { type: undefined })], blockTypes: [] } };
    expect(() => c.schemaToProto(s, 6)).toThrow(/no type/);
  });

  test('object types and list types go through typeToJson', () => {
    const s: Schema = {
      version: 0,
      block: { ...schema.block, attributes: [attr('o', { type: listOf(objectOf({ b: BoolType, a: StringType })) })], blockTypes: [] },
    };
    const t = JSON.parse(Buffer.from(c.schemaToProto(s, 6).block.attributes[0]!.type!).toString());
    expect(t).toEqual(['list', ['object', { a: 'string', b: 'bool' }]]);
  });

  test('diagnostics always carry a severity; paths only when non-empty', () => {
    expect(c.diagnosticToProto({ severity: 'error', summary: 's' })).toEqual({ severity: 1, summary: 's', detail: '' });
    expect(c.diagnosticToProto({ severity: 'warning', summary: 's', detail: 'd', path: [] })).toEqual({ severity: 2, summary: 's', detail: 'd' });
    expect(c.diagnosticToProto({ severity: 'error', summary: 's', path: [{ attribute: 'a' }, { index: 0 }] }).attribute).toEqual({
      steps: [{ attributeName: 'a' }, { elementKeyInt: 0 }],
    });
  });

  test('internal error diagnostics carry only the message', () => {
    const err = new Error('kaput');
    expect(c.internalErrorDiagnostic(err)).toEqual({ severity: 1, summary: 'Internal error in the provider', detail: 'kaput' });
    expect(c.internalErrorDiagnostic({ secret: 'hunter2' }).detail).not.toContain('hunter2');
    expect(c.internalErrorDiagnostic('plain text').detail).toBe('plain text');
  });

  test('dynamic values: empty fields mean null, undefined stays absent', () => {
    expect(c.dynamicValueFromProto(null)).toEqual({});
    expect(c.dynamicValueFromProto({ msgpack: new Uint8Array(0), json: Uint8Array.of(110) })).toEqual({ json: Uint8Array.of(110) });
    expect(c.dynamicValueToProto(undefined)).toBeUndefined();
    expect(c.dynamicValueToProto({ msgpack: Uint8Array.of(0xc0) })).toEqual({ msgpack: Uint8Array.of(0xc0) });
  });
});

describe('generated code', () => {
  test('is bundle-friendly: only requires protobufjs/minimal', () => {
    for (const name of ['tfplugin5', 'tfplugin6', 'goplugin']) {
      const js = readFileSync(join(repo, 'provider', 'protocol', 'generated', `${name}.js`), 'utf8');
      const requires = [...js.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
      expect(new Set(requires)).toEqual(new Set(['protobufjs/minimal']));
    }
  });

  test('is up to date with schemas/ (npm run proto reproduces it byte for byte)', async () => {
    const run = promisify(execFile);
    await expect(run(process.execPath, [join(repo, 'scripts', 'gen-proto.mjs'), '--check'], { cwd: repo })).resolves.toBeDefined();
  }, 180_000);
});
