/**
 * Regression tests for what fuzzing found (test/fuzz/lib, `npm run fuzz`):
 * 1. A request whose bytes are not a valid protobuf message got a gRPC INTERNAL error ("Error
 *    deserializing request") from every provider method, implemented or not, instead of an error
 *    diagnostic (and UNIMPLEMENTED for methods we do not implement).
 * 2. JSON \u escapes of unpaired surrogates ("\ud800") decoded to strings that are not valid
 *    Unicode; Go's encoding/json (hence go-cty) decodes them as U+FFFD. Values and type JSON
 *    attribute names then changed on every encode → decode round trip.
 */
import * as grpc from '@grpc/grpc-js';
import { join } from 'node:path';
import { generateCertificate } from '../../provider/plugin/cert';
import { tfplugin5Methods } from '../../provider/protocol/v5';
import { tfplugin6Methods } from '../../provider/protocol/v6';
import { decodeJson, encodeJson, listOf, mapOf, objectOf, parseTypeJson, StringType, typeToJson } from '../../provider/values';
import { ROOT, channelCredentials, killAllChildren, pluginEnv, startPlugin } from '../protocol/plugin-harness';

jest.setTimeout(60_000);

afterAll(() => killAllChildren());

describe('a request that is not a valid protobuf message', () => {
  const implemented: Record<5 | 6, string[]> = {
    6: ['GetMetadata', 'GetProviderSchema', 'ValidateProviderConfig', 'ValidateResourceConfig', 'ValidateDataResourceConfig', 'UpgradeResourceState', 'GetResourceIdentitySchemas', 'ConfigureProvider', 'ReadResource', 'PlanResourceChange', 'ApplyResourceChange', 'ImportResourceState', 'MoveResourceState', 'ReadDataSource', 'GetFunctions', 'StopProvider'],
    5: ['GetMetadata', 'GetSchema', 'PrepareProviderConfig', 'ValidateResourceTypeConfig', 'ValidateDataSourceConfig', 'UpgradeResourceState', 'GetResourceIdentitySchemas', 'Configure', 'ReadResource', 'PlanResourceChange', 'ApplyResourceChange', 'ImportResourceState', 'MoveResourceState', 'ReadDataSource', 'GetFunctions', 'Stop'],
  };
  // An unterminated varint where the first field tag should be; field 15 (undeclared) with the invalid wire type 7.
  const garbage = [Buffer.from([0xff, 0xff, 0xff]), Buffer.from([0x7f, 0x00])];

  test.each([6, 5] as const)('protocol %i: an error diagnostic from every implemented method, UNIMPLEMENTED from the rest', async (protocol) => {
    const identity = generateCertificate();
    const p = startPlugin(join(ROOT, 'dist/terraform-provider-coder'), pluginEnv({ PLUGIN_CLIENT_CERT: identity.certPem, PLUGIN_PROTOCOL_VERSIONS: String(protocol) }));
    const hs = await p.handshake;
    const client = new grpc.Client(`unix:${hs.address}`, channelCredentials(hs, identity), { 'grpc.ssl_target_name_override': 'localhost', 'grpc.default_authority': 'localhost' });
    try {
      const methods = protocol === 6 ? tfplugin6Methods : tfplugin5Methods;
      const id = (b: Buffer): Buffer => b;
      for (const m of methods) {
        for (const bytes of garbage) {
          expect(() => m.request.decode(bytes)).toThrow(); // really not a valid message
          const path = `/tfplugin${protocol}.Provider/${m.name}`;
          const result = await new Promise<{ code: number; value?: Buffer }>((resolve) => {
            const opts = { deadline: Date.now() + 5000 };
            if (m.kind === 'unary') client.makeUnaryRequest(path, id, id, bytes, opts, (err, value) => resolve({ code: err ? err.code : 0, value }));
            else if (m.kind === 'serverStream') {
              const s = client.makeServerStreamRequest(path, id, id, bytes, opts);
              s.on('data', () => undefined);
              s.on('error', (err: grpc.ServiceError) => resolve({ code: err.code }));
              s.on('end', () => resolve({ code: 0 }));
            } else {
              const s = client.makeClientStreamRequest(path, id, id, opts, (err, value) => resolve({ code: err ? err.code : 0, value }));
              s.write(bytes);
              s.end();
            }
          });
          if (!implemented[protocol].includes(m.name)) {
            expect({ method: m.name, code: grpc.status[result.code] }).toEqual({ method: m.name, code: 'UNIMPLEMENTED' });
            continue;
          }
          expect({ method: m.name, code: grpc.status[result.code] }).toEqual({ method: m.name, code: 'OK' });
          const res = m.response.decode(result.value!) as { diagnostics?: { severity: number; detail?: string }[]; Error?: string };
          const text = m.name.startsWith('Stop') ? res.Error : res.diagnostics?.find((d) => d.severity === 1)?.detail;
          expect({ method: m.name, text }).toEqual({ method: m.name, text: expect.stringContaining(`the ${m.name} request is not a valid protobuf message`) });
        }
      }
      // And it is still serving.
      const ok = await new Promise<number>((resolve) =>
        client.makeUnaryRequest('/grpc.health.v1.Health/Check', id, id, Buffer.from([0x0a, 0x06, ...Buffer.from('plugin')]), { deadline: Date.now() + 5000 }, (err) => resolve(err ? err.code : 0)),
      );
      expect(ok).toBe(0);
    } finally {
      client.close();
      killAllChildren();
    }
  });
});

describe('JSON \\u escapes of unpaired surrogates decode as U+FFFD, as in Go', () => {
  test.each([
    ['"a\\ud800b"', 'a\ufffdb'],
    ['"\\udc00"', '\ufffd'],
    ['"\\ud800\\ud800"', '\ufffd\ufffd'],
    ['"x\\ud83d"', 'x\ufffd'],
    ['"\\ud83d\\ude00"', '😀'], // an escaped pair still combines
    ['"\\ud83d\\ud83d\\ude00"', '\ufffd😀'],
    ['"plain \\u00e9"', 'plain é'],
  ])('%s → %j', (json, expected) => {
    expect(decodeJson(json, StringType)).toBe(expected);
  });

  test('values survive encode → decode unchanged (what the fuzzer checks)', () => {
    const type = objectOf({ tags: mapOf(StringType), list: listOf(StringType) });
    const v = decodeJson('{"tags":{"k\\ud800":"v\\udfff"},"list":["\\ud800x"]}', type);
    const once = encodeJson(v, type);
    expect(once).toBe('{"list":["\ufffdx"],"tags":{"k\ufffd":"v\ufffd"}}');
    expect(encodeJson(decodeJson(once, type), type)).toBe(once);
  });

  test('type JSON attribute names too; two names that differ only there collapse, the later wins (as Go\'s map decoding)', () => {
    const t = parseTypeJson('["object",{"a\\ud800":"string","b":"number"},["a\\ud800"]]');
    expect(typeToJson(t)).toBe('["object",{"a\ufffd":"string","b":"number"},["a\ufffd"]]');
    expect(typeToJson(parseTypeJson(typeToJson(t)))).toBe(typeToJson(t));
    expect(typeToJson(parseTypeJson('["object",{"a\\ud800":"string","a\\udbff":"bool"}]'))).toBe('["object",{"a\ufffd":"bool"}]');
  });
});
